import { describe, expect, it } from 'vitest';
import { safeBaseName } from './table-export.js';

describe('safeBaseName', () => {
  it('keeps Japanese names and drops what file systems refuse and the extension the format adds', () => {
    expect(safeBaseName('目標と実績_令和8年度')).toBe('目標と実績_令和8年度');
    expect(safeBaseName('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(safeBaseName('一覧.CSV')).toBe('一覧');
    expect(safeBaseName('一覧.xlsx')).toBe('一覧');
    expect(safeBaseName('tab\there')).toBe('tab_here');
    expect(safeBaseName('   ')).toBe('table');
  });
});
