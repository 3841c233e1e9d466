import type { KeyboardEvent } from 'react';

/**
 * Enter while an IME is composing (日本語入力の変換確定) must never submit a form or trigger an
 * action: put this on the form's onKeyDown.
 */
export function preventEnterWhileComposing(event: KeyboardEvent<HTMLElement>): void {
  if (event.key === 'Enter' && (event.nativeEvent.isComposing || event.keyCode === 229)) event.preventDefault();
}
