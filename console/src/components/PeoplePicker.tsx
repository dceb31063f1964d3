import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { peopleListing, peopleNamesQueryOptions } from '../api/people';

/** People chosen by name or email; the chosen stay listed, with their names, while a search shows others. */
export function PeoplePicker(props: { label: string; value: string[]; onChange: (ids: string[]) => void }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const found = useQuery(peopleListing(debounced).page(''));
  const chosen = useQuery(peopleNamesQueryOptions(props.value));
  const label = (name: string, email: string) => (name && email ? `${name} (${email})` : name || email);
  const data = [
    ...props.value.map((id) => ({ value: id, label: chosen.data?.get(id) ?? id })),
    ...(found.data?.list ?? [])
      .map((v) => v.user)
      .filter((u) => !props.value.includes(u.id))
      .map((u) => ({ value: u.id, label: label(u.displayName, u.email) })),
  ];
  return (
    <MultiSelect
      label={props.label}
      placeholder="Search by name or email"
      searchable
      required
      data={data}
      value={props.value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={props.onChange}
      nothingFoundMessage="No one matches"
    />
  );
}
