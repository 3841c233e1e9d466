import { Center, Paper, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { ja } from '../../i18n/ja';
import { meQueryKey } from '../../lib/me';
import { AnchorLink } from '../consultation/AnchorLink';
import { EnrollStep } from './EnrollStep';
import { PasswordStep } from './PasswordStep';
import { TotpStep } from './TotpStep';

export type LoginStatus = 'ok' | 'totp_required' | 'totp_enrollment_required';
export interface LoginResponse {
  status: LoginStatus;
  csrfToken: string;
}

type Step = 'password' | 'totp' | 'enroll';

/** Sign-in: password, then (if needed) a TOTP code or first-time TOTP enrolment. */
export function LoginPage() {
  const [step, setStep] = useState<Step>('password');
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  async function finish() {
    queryClient.removeQueries({ queryKey: meQueryKey });
    await navigate({ to: '/', replace: true });
  }

  function onPasswordAccepted(status: LoginStatus) {
    if (status === 'ok') void finish();
    else setStep(status === 'totp_required' ? 'totp' : 'enroll');
  }

  return (
    <Center mih="100dvh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={420} maw="100%">
        <Stack>
          <PageHeader title={ja.login.heading} />
          {step === 'password' && <PasswordStep onAccepted={onPasswordAccepted} />}
          {step === 'totp' && <TotpStep onVerified={finish} onRestart={() => setStep('password')} />}
          {step === 'enroll' && <EnrollStep onEnrolled={finish} onRestart={() => setStep('password')} />}
          <AnchorLink to="/soudan" size="sm">
            {ja.publicIntake.loginLink}
          </AnchorLink>
        </Stack>
      </Paper>
    </Center>
  );
}
