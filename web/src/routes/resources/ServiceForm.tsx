import { Button, Checkbox, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ja } from '../../i18n/ja';
import { ApiError } from '../../lib/api';
import { preventEnterWhileComposing } from '../../lib/ime';
import { createService, type DirectoryOptions, resourcesChanged, STATUSES, type Service, updateService } from './api';
import { CostFields, LocationFields } from './ListFields';
import { OrganizationModal } from './OrganizationModal';
import { ScheduleFields } from './ScheduleFields';
import { type FormValues, LANGUAGE_CODES, toBody, toValues } from './serviceFormValues';

const r = ja.resources;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

const numberValue = (v: string | number) => (typeof v === 'number' ? v : '');

/** 地域資源の登録・編集: every HSDS field Kasane keeps. `service` null = a new one. */
export function ServiceForm({ options, service, onSaved }: { options: DirectoryOptions; service: Service | null; onSaved: (saved: Service) => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<FormValues>(() => toValues(service, options.organizations[0]?.id ?? ''));
  const [organizations, setOrganizations] = useState(options.organizations);
  const [addingOrganization, setAddingOrganization] = useState(false);
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const save = useMutation({
    mutationFn: () => {
      const body = toBody(values, service, r.languageNames);
      return service ? updateService(service.id, { ...body, version: service.version }) : createService(body);
    },
    onSuccess: (saved) => {
      resourcesChanged(queryClient, saved);
      onSaved(saved);
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const kasaneTerms = options.terms.filter((t) => t.taxonomy === 'kasane-ja');
  const otherTerms = options.terms.filter((t) => t.taxonomy !== 'kasane-ja');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <>
      <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate>
        <Stack>
          <Section title={r.sectionBasic}>
            <TextInput label={r.name} value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} required />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Group align="flex-end" gap="xs" wrap="nowrap">
                <NativeSelect
                  style={{ flex: 1 }}
                  label={r.organization}
                  value={values.organizationId}
                  onChange={(e) => set('organizationId', e.currentTarget.value)}
                  data={organizations.map((o) => ({ value: o.id, label: o.name }))}
                  error={errors.organizationId}
                  required
                />
                <Button variant="light" onClick={() => setAddingOrganization(true)}>
                  {r.addOrganization}
                </Button>
              </Group>
              <NativeSelect
                label={r.status}
                value={values.status}
                onChange={(e) => set('status', e.currentTarget.value as FormValues['status'])}
                data={STATUSES.map((s) => ({ value: s, label: r.statuses[s] ?? s }))}
                error={errors.status}
              />
              <TextInput label={r.alternateName} value={values.alternateName} onChange={(e) => set('alternateName', e.currentTarget.value)} error={errors.alternateName} />
              <TextInput label={r.phone} value={values.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={errors.phone} />
              <TextInput label={r.url} value={values.url} onChange={(e) => set('url', e.currentTarget.value)} error={errors.url} />
              <TextInput label={r.email} value={values.email} onChange={(e) => set('email', e.currentTarget.value)} error={errors.email} />
            </SimpleGrid>
            <Textarea label={r.description} value={values.description} onChange={(e) => set('description', e.currentTarget.value)} error={errors.description} autosize minRows={3} />
          </Section>

          <Section title={r.sectionTerms}>
            <Checkbox.Group label={r.term} value={values.termIds} onChange={(ids) => set('termIds', ids)} error={errors.termIds}>
              <SimpleGrid cols={{ base: 2, sm: 4 }} mt="xs">
                {[...kasaneTerms, ...otherTerms].map((t) => (
                  <Checkbox key={t.id} value={t.id} label={t.taxonomy === 'kasane-ja' ? t.name : `${t.name}（${t.taxonomy}）`} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Section>

          <Section title={r.sectionEligibility}>
            <Group grow align="flex-start" maw={420}>
              <NumberInput label={r.minimumAge} value={values.minimumAge} onChange={(v) => set('minimumAge', numberValue(v))} min={0} max={150} allowDecimal={false} error={errors.minimumAge} />
              <NumberInput label={r.maximumAge} value={values.maximumAge} onChange={(v) => set('maximumAge', numberValue(v))} min={0} max={150} allowDecimal={false} error={errors.maximumAge} />
            </Group>
            <Textarea
              label={r.eligibility}
              value={values.eligibilityDescription}
              onChange={(e) => set('eligibilityDescription', e.currentTarget.value)}
              error={errors.eligibilityDescription}
              autosize
            />
            <Textarea label={r.applicationProcess} value={values.applicationProcess} onChange={(e) => set('applicationProcess', e.currentTarget.value)} error={errors.applicationProcess} autosize />
            <Textarea label={r.feesDescription} value={values.feesDescription} onChange={(e) => set('feesDescription', e.currentTarget.value)} error={errors.feesDescription} autosize />
          </Section>

          <Section title={r.sectionCapacity}>
            <Group grow align="flex-start" maw={420}>
              <NumberInput label={r.capacity} value={values.capacity} onChange={(v) => set('capacity', numberValue(v))} min={0} allowDecimal={false} error={errors.capacity} />
              <NumberInput label={r.waitlistCount} value={values.waitlistCount} onChange={(v) => set('waitlistCount', numberValue(v))} min={0} allowDecimal={false} error={errors.waitlistCount} />
            </Group>
          </Section>

          <Section title={r.sectionAreas}>
            <Checkbox.Group label={r.area} value={values.areaIds} onChange={(ids) => set('areaIds', ids)} error={errors.serviceAreas}>
              <Group gap="md" mt="xs">
                {options.areas.map((a) => (
                  <Checkbox key={a.id} value={a.id} label={a.name} />
                ))}
              </Group>
            </Checkbox.Group>
          </Section>

          <Section title={r.sectionSchedules}>
            <ScheduleFields value={values.schedules} onChange={(s) => set('schedules', s)} errors={errors} />
          </Section>

          <Section title={r.sectionLocations}>
            <LocationFields value={values.locations} onChange={(l) => set('locations', l)} areas={options.areas} errors={errors} />
          </Section>

          <Section title={r.sectionLanguages}>
            <Checkbox.Group label={r.languagesLabel} value={values.languageCodes} onChange={(codes) => set('languageCodes', codes)} error={errors.languages}>
              <Group gap="md" mt="xs">
                {LANGUAGE_CODES.map((code) => (
                  <Checkbox key={code} value={code} label={r.languageNames[code] ?? code} />
                ))}
              </Group>
            </Checkbox.Group>
          </Section>

          <Section title={r.sectionCosts}>
            <CostFields value={values.costs} onChange={(c) => set('costs', c)} errors={errors} />
          </Section>

          <ErrorAlert error={save.error} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {service ? r.save : r.create}
            </Button>
          </Group>
        </Stack>
      </form>
      <OrganizationModal
        opened={addingOrganization}
        onClose={() => setAddingOrganization(false)}
        onCreated={(org) => {
          setOrganizations((list) => [...list, org]);
          set('organizationId', org.id);
          setAddingOrganization(false);
        }}
      />
    </>
  );
}
