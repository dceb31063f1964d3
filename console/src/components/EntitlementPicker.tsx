import { Group, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { appPickerQueryOptions } from '../api/apps';
import { entitlementPickerQueryOptions } from '../api/entitlements';

export interface Picked {
  appId: string;
  entitlementId: string;
  label: string;
}

/** An app, then one of its entitlements (only the manually managed ones, if asked), each searchable by name. */
export function EntitlementPicker({
  value,
  onChange,
  manualOnly = false,
}: {
  value?: Picked;
  onChange: (p: Picked | undefined) => void;
  manualOnly?: boolean;
}) {
  const [appId, setAppId] = useState(value?.appId ?? '');
  const [appSearch, setAppSearch] = useState('');
  const [debounced] = useDebouncedValue(appSearch, 300);
  const apps = useQuery(appPickerQueryOptions(debounced));
  const entitlements = useQuery(entitlementPickerQueryOptions(appId));
  const appData = (apps.data?.list ?? []).map((a) => ({ value: a.id, label: a.displayName }));
  const entitlementData = (entitlements.data?.list ?? [])
    .filter((e) => !manualOnly || e.appEntitlement.isManuallyManaged)
    .map((e) => ({
      value: e.appEntitlement.id,
      label: e.appEntitlement.displayName,
    }));
  return (
    <Group grow align="flex-start">
      <Select
        label="App"
        searchable
        placeholder="Choose an app"
        data={appData}
        value={appId || null}
        onSearchChange={setAppSearch}
        onChange={(v) => {
          setAppId(v ?? '');
          onChange(undefined);
        }}
        nothingFoundMessage="No app matches"
      />
      <Select
        label="Entitlement"
        searchable
        placeholder={appId ? 'Choose an entitlement' : 'Choose an app first'}
        disabled={!appId}
        data={entitlementData}
        value={value?.entitlementId ?? null}
        onChange={(v) => {
          const label = entitlementData.find((e) => e.value === v)?.label ?? '';
          onChange(v ? { appId, entitlementId: v, label } : undefined);
        }}
        nothingFoundMessage="No entitlement matches"
      />
    </Group>
  );
}
