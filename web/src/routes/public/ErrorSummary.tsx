import { Alert, Anchor, List, Text } from '@mantine/core';
import { forwardRef } from 'react';
import type { PublicCatalogue } from '../../i18n/public';
import type { FormReason } from './codes';
import { FIELD_TARGET } from './fields';
import { FIELD_ORDER, type FieldErrors } from './validate';

/**
 * The problems of the last attempt to send, at the top of the form: it takes the focus, and each
 * field problem links to its field (activating the link moves the focus there).
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { c: PublicCatalogue; errors: FieldErrors; formError: FormReason | null }>(function ErrorSummary({ c, errors, formError }, ref) {
  const paths = FIELD_ORDER.filter((p) => errors[p]);
  if (paths.length === 0 && !formError) return null;
  return (
    <Alert ref={ref} tabIndex={-1} color="red" variant="light" role="alert" title={paths.length ? c.errors.summaryTitle : undefined}>
      {formError ? <Text size="sm">{c.errors.form[formError]}</Text> : null}
      {paths.length ? (
        <>
          <Text size="sm">{c.errors.summaryIntro(paths.length)}</Text>
          <List size="sm" mt="xs">
            {paths.map((path) => (
              <List.Item key={path}>
                <Anchor
                  href={`#${FIELD_TARGET[path]}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(FIELD_TARGET[path])?.focus();
                  }}
                >
                  {c.errors.fields[errors[path]!]}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </Alert>
  );
});
