import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { entitlementsKeys } from './entitlements';
import { listing } from './listing';
import type { Body, Entitlement } from './types';

/** Everything read about policies sits under `all`; everything about one under `policy(id)`. */
export const policiesKeys = {
  all: ['policies'] as const,
  list: () => [...policiesKeys.all, 'list'] as const,
  policy: (id: string) => [...policiesKeys.all, id] as const,
  picker: (type: string) => [...policiesKeys.all, 'picker', type] as const,
};

export const policiesListing = () =>
  listing(policiesKeys.list(), (pageToken) =>
    unwrap(api.GET('/api/v1/policies', { params: { query: { page_size: 25, page_token: pageToken } } })),
  );

export const policyQueryOptions = (id: string) =>
  queryOptions({
    queryKey: policiesKeys.policy(id),
    enabled: id !== '',
    queryFn: () => unwrap(api.GET('/api/v1/policies/{id}', { params: { path: { id } } })),
  });

/** The first policies of a type, for choosing one. */
export const policyPickerQueryOptions = (type: PolicyType) =>
  queryOptions({
    queryKey: policiesKeys.picker(type),
    queryFn: () =>
      unwrap(api.POST('/api/v1/search/policies', { body: { policyTypes: [type], pageSize: 100 } })),
  });

export type PolicyType = 'POLICY_TYPE_GRANT' | 'POLICY_TYPE_REVOKE' | 'POLICY_TYPE_CERTIFY';
export type NewPolicy = Body<'/api/v1/policies', 'post'>;
export type PolicyPatch = NonNullable<Body<'/api/v1/policies/{id}', 'post'>['policy']>;

/** A change to policies; the answer reloads everything read about them. */
function usePolicyChange<A, R>(change: (argument: A) => Promise<R>, onSuccess?: (answer: R) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: async (answer) => {
      // First, so a page that leaves (after a delete) does not read again what is gone.
      onSuccess?.(answer);
      await queryClient.invalidateQueries({ queryKey: policiesKeys.all });
    },
  });
}

export const useCreatePolicy = (onSuccess?: (id: string) => void) =>
  usePolicyChange(
    (body: NewPolicy) => unwrap(api.POST('/api/v1/policies', { body })),
    (answer) => onSuccess?.(answer.policy.id),
  );

/** Writes the fields `patch` holds, and only them (the update mask names each). */
export const useUpdatePolicy = (id: string, onSuccess?: () => void) =>
  usePolicyChange(
    (patch: PolicyPatch) =>
      unwrap(
        api.POST('/api/v1/policies/{id}', {
          params: { path: { id } },
          body: { policy: patch, updateMask: Object.keys(patch).join(',') },
        }),
      ),
    onSuccess,
  );

export const useDeletePolicy = (id: string, onSuccess?: () => void) =>
  usePolicyChange(() => unwrap(api.DELETE('/api/v1/policies/{id}', { params: { path: { id } } })), onSuccess);

/** The policy fields of an entitlement that the console sets. */
export type EntitlementPolicies = Pick<
  Entitlement,
  'grantPolicyId' | 'revokePolicyId' | 'certifyPolicyId' | 'emergencyGrantPolicyId'
>;

/** Points an entitlement at policies: the fields given, and only them. */
export function useSetEntitlementPolicies(appId: string, entitlementId: string, onSuccess?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policies: Partial<EntitlementPolicies>) =>
      unwrap(
        api.POST('/api/v1/apps/{app_id}/entitlements/{id}', {
          params: { path: { app_id: appId, id: entitlementId } },
          body: { entitlement: policies, updateMask: Object.keys(policies).join(',') },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: entitlementsKeys.entitlement(appId, entitlementId) });
      onSuccess?.();
    },
  });
}
