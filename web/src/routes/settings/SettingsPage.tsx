import { Stack } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { ja } from '../../i18n/ja';
import { DateStyleForm } from './DateStyleForm';
import { PasswordForm } from './PasswordForm';
import { TwoFactorSection } from './TwoFactorSection';

export function SettingsPage() {
  return (
    <Stack maw={640}>
      <PageHeader title={ja.settings.heading} />
      <DateStyleForm />
      <PasswordForm />
      <TwoFactorSection />
    </Stack>
  );
}
