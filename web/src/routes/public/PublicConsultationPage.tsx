import { Alert, Button, Container, Group, Loader, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { AnchorLink } from '../consultation/AnchorLink';
import { type CSSProperties, useEffect, useState } from 'react';
import { PUBLIC_CATALOGUES, type PublicCatalogue } from '../../i18n/public';
import { loadPublicForm, PublicApiError, type PublicForm } from './api';
import type { PublicLang } from './codes';
import { PublicConsultationForm } from './PublicConsultationForm';
import { ThankYou } from './ThankYou';

const route = getRouteApi('/soudan');

/** ?lang=en → English; anything else → やさしい日本語. */
export function validatePublicSearch(search: Record<string, unknown>): { lang?: 'en' } {
  return search.lang === 'en' ? { lang: 'en' } : {};
}

/**
 * 住民のオンライン相談 (/soudan, no sign-in): the form in やさしい日本語 or English, then the 受付番号.
 * Outside the signed-in shell; every word comes from the public catalogues.
 */
export function PublicConsultationPage() {
  const { lang: search } = route.useSearch();
  const lang: PublicLang = search === 'en' ? 'en' : 'ja-easy';
  const c = PUBLIC_CATALOGUES[lang];
  const [referenceNumber, setReferenceNumber] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const form = useQuery({ queryKey: ['public-form'], queryFn: () => loadPublicForm(lang), staleTime: Number.POSITIVE_INFINITY, retry: false });

  useEffect(() => {
    const html = document.documentElement;
    const before = html.lang;
    html.lang = c.htmlLang;
    document.title = c.heading;
    return () => {
      html.lang = before;
    };
  }, [c]);

  const municipality = form.data?.municipalityName;
  return (
    // Hints in a darker grey than Mantine's "dimmed", for 4.5:1 contrast on white.
    <Container size={640} px="md" py="lg" style={{ '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' } as CSSProperties}>
      <Stack gap="lg">
        <LanguageSwitch current={lang} c={c} />
        <header>
          <Title order={1}>{c.heading}</Title>
          {municipality ? (
            <Text size="lg" mt={4}>
              {c.municipality(municipality)}
            </Text>
          ) : null}
        </header>
        <main>
          <VisuallyHidden role="status" aria-live="polite">
            {status}
          </VisuallyHidden>
          {referenceNumber ? (
            <ThankYou
              c={c}
              referenceNumber={referenceNumber}
              onAgain={() => {
                setReferenceNumber(null);
                setStatus('');
                void form.refetch();
              }}
            />
          ) : (
            <Stack gap="lg">
              <Stack gap={4}>
                {c.intro.map((line) => (
                  <Text key={line}>{line}</Text>
                ))}
              </Stack>
              <Alert color="orange" variant="light">
                {c.emergency}
              </Alert>
              <FormArea
                c={c}
                lang={lang}
                state={form}
                onSent={(n) => {
                  setReferenceNumber(n);
                  setStatus(`${c.thanks.heading} ${c.thanks.numberLabel} ${n}`);
                  // The token is used up: the next form gets a fresh one.
                  void form.refetch();
                }}
                announce={setStatus}
              />
            </Stack>
          )}
        </main>
      </Stack>
    </Container>
  );
}

function FormArea({
  c,
  lang,
  state,
  onSent,
  announce,
}: {
  c: PublicCatalogue;
  lang: PublicLang;
  state: UseQueryResult<PublicForm>;
  onSent: (referenceNumber: string) => void;
  announce: (message: string) => void;
}) {
  if (state.isPending) {
    return (
      <Group gap="xs" role="status">
        <Loader size="sm" />
        <Text>{c.loading}</Text>
      </Group>
    );
  }
  if (state.error || !state.data) {
    const reason = state.error instanceof PublicApiError ? state.error.reason : 'unexpected';
    return (
      <Alert color="red" variant="light" role="alert">
        <Text size="sm">{c.errors.form[reason]}</Text>
        <Button mt="sm" variant="light" onClick={() => void state.refetch()}>
          {c.errors.retry}
        </Button>
      </Alert>
    );
  }
  if (!state.data.open || !state.data.formToken) {
    return (
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3">
          {c.closed.heading}
        </Title>
        <Text mt="xs">{c.closed.body}</Text>
      </Paper>
    );
  }
  return <PublicConsultationForm c={c} lang={lang} formToken={state.data.formToken} onSent={onSent} onNeedToken={() => void state.refetch()} announce={announce} />;
}

/** Each language named in itself, so a reader finds their own. */
function LanguageSwitch({ current, c }: { current: PublicLang; c: PublicCatalogue }) {
  const ja = PUBLIC_CATALOGUES['ja-easy'];
  const en = PUBLIC_CATALOGUES.en;
  return (
    <nav aria-label={c.languageSwitch}>
      <Group gap="md" justify="flex-end">
        <AnchorLink to="/soudan" search={{}} lang="ja" hrefLang="ja" aria-current={current === 'ja-easy' ? 'page' : undefined} fw={current === 'ja-easy' ? 700 : 400}>
          {ja.languageName}
        </AnchorLink>
        <AnchorLink to="/soudan" search={{ lang: 'en' }} lang="en" hrefLang="en" aria-current={current === 'en' ? 'page' : undefined} fw={current === 'en' ? 700 : 400}>
          {en.languageName}
        </AnchorLink>
      </Group>
    </nav>
  );
}
