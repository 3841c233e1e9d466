import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { ja } from '../../i18n/ja';
import { AnchorLink } from '../consultation/AnchorLink';
import { optionsQueryOptions, RESOURCE_ROLES } from './api';
import { ServiceForm } from './ServiceForm';

const r = ja.resources;

/** 地域資源を登録. */
export function ResourceNewPage() {
  const options = useQuery(optionsQueryOptions());
  const navigate = useNavigate();
  return (
    <RequireRole roles={RESOURCE_ROLES}>
      <Stack maw={960}>
        <AnchorLink to="/resources" size="sm">
          {r.back}
        </AnchorLink>
        <PageHeader title={r.newHeading} />
        <ErrorAlert error={options.error} />
        {options.isPending && <Loading />}
        {options.data && <ServiceForm options={options.data} service={null} onSaved={(saved) => void navigate({ to: '/resources/$id', params: { id: saved.id } })} />}
      </Stack>
    </RequireRole>
  );
}
