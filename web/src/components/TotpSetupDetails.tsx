import { Image, Stack, TextInput } from '@mantine/core';
import { ja } from '../i18n/ja';

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

/** QR code to scan, and the secret for typing by hand. */
export function TotpSetupDetails({ setup }: { setup: TotpSetup }) {
  return (
    <Stack gap="xs">
      <Image src={setup.qrDataUrl} alt={ja.totp.qrAlt} w={200} h={200} fit="contain" />
      <TextInput
        label={ja.totp.secret}
        value={setup.secret}
        readOnly
        styles={{ input: { fontFamily: 'monospace' } }}
        onFocus={(e) => e.currentTarget.select()}
      />
    </Stack>
  );
}
