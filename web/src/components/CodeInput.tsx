import { TextInput } from '@mantine/core';
import { ja } from '../i18n/ja';

/** Full-width digits typed through an IME (１２３４５６) become ASCII; spaces are dropped. */
export function normaliseCode(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '');
}

/** The 6-digit TOTP code field, labelled 確認コード. */
export function CodeInput({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  return (
    <TextInput
      label={ja.totp.code}
      description={ja.totp.codeHint}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={12}
      required
      w={200}
    />
  );
}
