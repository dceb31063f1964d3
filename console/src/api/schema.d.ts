// Generated from /openapi.json by `npm run console:api`; do not edit.
export interface paths {
    "/api/v1/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["c1.api.app.v1.Apps.List"];
        put?: never;
        post: operations["c1.api.app.v1.Apps.Create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/app_users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page_size?: number;
                    page_token?: string;
                };
                header?: never;
                path: {
                    app_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expanded: unknown[];
                            list: {
                                appPath: string;
                                appUser: {
                                    appId: string;
                                    appUserType: string;
                                    createdAt: string | null;
                                    deletedAt: string | null;
                                    displayName: string;
                                    email: string;
                                    emails: string[];
                                    employeeIds: string[];
                                    id: string;
                                    identityUserId: string;
                                    isExternal: boolean;
                                    profile: {
                                        [key: string]: unknown;
                                    };
                                    status: {
                                        details: string;
                                        status: string;
                                    };
                                    updatedAt: string | null;
                                    username: string;
                                    usernames: string[];
                                };
                                identityUserPath: string;
                                lastUsagePath: string;
                            }[];
                            nextPageToken: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page_size?: number;
                    page_token?: string;
                };
                header?: never;
                path: {
                    app_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expanded: unknown[];
                            list: {
                                appEntitlement: {
                                    alias: string;
                                    appId: string;
                                    appResourceId: string;
                                    appResourceTypeId: string;
                                    certifyPolicyId: string;
                                    complianceFrameworkValueIds: string[];
                                    createdAt: string | null;
                                    defaultValuesApplied: boolean;
                                    deletedAt: string | null;
                                    deprovisionerPolicy: {
                                        [key: string]: unknown;
                                    } | null;
                                    description: string;
                                    displayName: string;
                                    durationGrant: string | null;
                                    durationUnset: Record<string, never> | null;
                                    emergencyGrantEnabled: boolean;
                                    emergencyGrantPolicyId: string;
                                    grantCount: string;
                                    grantPolicyId: string;
                                    id: string;
                                    isAutomationEnabled: boolean;
                                    isManuallyManaged: boolean;
                                    matchBatonId: string;
                                    overrideAccessRequestsDefaults: boolean;
                                    provisionerPolicy: {
                                        [key: string]: unknown;
                                    } | null;
                                    purpose: string;
                                    requestSchemaId: string;
                                    revokePolicyId: string;
                                    riskLevelValueId: string;
                                    slug: string;
                                    sourceConnectorIds: {
                                        [key: string]: string;
                                    };
                                    systemBuiltin: boolean;
                                    updatedAt: string | null;
                                    userEditedMask: string | null;
                                };
                                appPath: string;
                                appResourcePath: string;
                                appResourceTypePath: string;
                            }[];
                            nextPageToken: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        alias?: string | null;
                        appEntitlementOwnerIds?: string[] | null;
                        appResourceId?: string | null;
                        appResourceTypeId?: string | null;
                        certifyPolicyId?: string | null;
                        complianceFrameworkValueIds?: string[] | null;
                        description?: string | null;
                        displayName: string;
                        durationGrant?: string | null;
                        durationUnset?: Record<string, never> | null;
                        emergencyGrantEnabled?: boolean | null;
                        emergencyGrantPolicyId?: string | null;
                        expandMask?: {
                            paths?: string[] | null;
                        } | null;
                        grantPolicyId?: string | null;
                        matchBatonId?: string | null;
                        overrideAccessRequestsDefaults?: boolean | null;
                        provisionPolicy?: {
                            [key: string]: unknown;
                        } | null;
                        purpose?: ("APP_ENTITLEMENT_PURPOSE_VALUE_UNSPECIFIED" | "APP_ENTITLEMENT_PURPOSE_VALUE_ASSIGNMENT" | "APP_ENTITLEMENT_PURPOSE_VALUE_PERMISSION") | null;
                        revokePolicyId?: string | null;
                        riskLevelValueId?: string | null;
                        slug?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appEntitlementView: {
                                appEntitlement: {
                                    alias: string;
                                    appId: string;
                                    appResourceId: string;
                                    appResourceTypeId: string;
                                    certifyPolicyId: string;
                                    complianceFrameworkValueIds: string[];
                                    createdAt: string | null;
                                    defaultValuesApplied: boolean;
                                    deletedAt: string | null;
                                    deprovisionerPolicy: {
                                        [key: string]: unknown;
                                    } | null;
                                    description: string;
                                    displayName: string;
                                    durationGrant: string | null;
                                    durationUnset: Record<string, never> | null;
                                    emergencyGrantEnabled: boolean;
                                    emergencyGrantPolicyId: string;
                                    grantCount: string;
                                    grantPolicyId: string;
                                    id: string;
                                    isAutomationEnabled: boolean;
                                    isManuallyManaged: boolean;
                                    matchBatonId: string;
                                    overrideAccessRequestsDefaults: boolean;
                                    provisionerPolicy: {
                                        [key: string]: unknown;
                                    } | null;
                                    purpose: string;
                                    requestSchemaId: string;
                                    revokePolicyId: string;
                                    riskLevelValueId: string;
                                    slug: string;
                                    sourceConnectorIds: {
                                        [key: string]: string;
                                    };
                                    systemBuiltin: boolean;
                                    updatedAt: string | null;
                                    userEditedMask: string | null;
                                };
                                appPath: string;
                                appResourcePath: string;
                                appResourceTypePath: string;
                            };
                            expanded: unknown[];
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/add-manual-user": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: {
                    dryRun?: boolean;
                };
                header?: never;
                path: {
                    app_entitlement_id: string;
                    app_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deprovisionAt?: string | null;
                        grantDuration?: string | null;
                        userIds?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bulkActionId: string;
                            dryRun?: {
                                alreadyMembers: string[];
                                wouldAdd: string[];
                                wouldCreateAppUser: string[];
                            };
                            failedUsersErrorMap: {
                                [key: string]: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page_size?: number;
                    page_token?: string;
                };
                header?: never;
                path: {
                    app_entitlement_id: string;
                    app_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            list: {
                                appEntitlementId: string;
                                appId: string;
                                appUser: {
                                    appId: string;
                                    appUserType: string;
                                    createdAt: string | null;
                                    deletedAt: string | null;
                                    displayName: string;
                                    email: string;
                                    emails: string[];
                                    employeeIds: string[];
                                    id: string;
                                    identityUserId: string;
                                    isExternal: boolean;
                                    profile: {
                                        [key: string]: unknown;
                                    };
                                    status: {
                                        details: string;
                                        status: string;
                                    };
                                    updatedAt: string | null;
                                    username: string;
                                    usernames: string[];
                                } | null;
                                appUserId: string;
                                discovered: string | null;
                                expired: string | null;
                                grantReasons: unknown[];
                                grantSources: {
                                    appId: string;
                                    id: string;
                                }[];
                                user: {
                                    createdAt: string | null;
                                    delegatedUserId: string;
                                    deletedAt: string | null;
                                    department: string;
                                    directoryIds: string[];
                                    directoryStatus: string;
                                    displayName: string;
                                    email: string;
                                    emails: string[];
                                    employeeIds: string[];
                                    employmentStatus: string;
                                    employmentType: string;
                                    id: string;
                                    jobTitle: string;
                                    managerIds: string[];
                                    profile: {
                                        [key: string]: unknown;
                                    };
                                    roleIds: string[];
                                    status: string;
                                    type: string;
                                    updatedAt: string | null;
                                    username: string;
                                    usernames: string[];
                                } | null;
                            }[];
                            nextPageToken: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/remove-membership": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_entitlement_id: string;
                    app_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        appUserId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revokeTaskId: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page_size?: number;
                    page_token?: string;
                };
                header?: never;
                path: {
                    app_entitlement_id: string;
                    app_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expanded: unknown[];
                            list: {
                                appEntitlementUserBindingCreatedAt: string | null;
                                appEntitlementUserBindingDeprovisionAt: string | null;
                                appUser: {
                                    appPath: string;
                                    appUser: {
                                        appId: string;
                                        appUserType: string;
                                        createdAt: string | null;
                                        deletedAt: string | null;
                                        displayName: string;
                                        email: string;
                                        emails: string[];
                                        employeeIds: string[];
                                        id: string;
                                        identityUserId: string;
                                        isExternal: boolean;
                                        profile: {
                                            [key: string]: unknown;
                                        };
                                        status: {
                                            details: string;
                                            status: string;
                                        };
                                        updatedAt: string | null;
                                        username: string;
                                        usernames: string[];
                                    };
                                    identityUserPath: string;
                                    lastUsagePath: string;
                                };
                                grantSources: {
                                    appId: string;
                                    id: string;
                                }[];
                            }[];
                            nextPageToken: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users/{app_user_id}/remove-grant-duration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_entitlement_id: string;
                    app_id: string;
                    app_user_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            binding: {
                                appEntitlementId: string;
                                appId: string;
                                appUserId: string;
                                createdAt: string | null;
                                deletedAt: string | null;
                                deprovisionAt: string | null;
                                grantSources: {
                                    appId: string;
                                    id: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users/{app_user_id}/update-grant-duration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_entitlement_id: string;
                    app_id: string;
                    app_user_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        newDeprovisionAt?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            binding: {
                                appEntitlementId: string;
                                appId: string;
                                appUserId: string;
                                createdAt: string | null;
                                deletedAt: string | null;
                                deprovisionAt: string | null;
                                grantSources: {
                                    appId: string;
                                    id: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users/{identity_user_id}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_entitlement_id: string;
                    app_id: string;
                    identity_user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bindings: {
                                appEntitlementId: string;
                                appId: string;
                                appUserId: string;
                                createdAt: string | null;
                                deletedAt: string | null;
                                deprovisionAt: string | null;
                                grantSources: {
                                    appId: string;
                                    id: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/{entitlement_id}/owners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page_size?: number;
                    page_token?: string;
                };
                header?: never;
                path: {
                    app_id: string;
                    entitlement_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            list: {
                                createdAt: string | null;
                                delegatedUserId: string;
                                deletedAt: string | null;
                                department: string;
                                directoryIds: string[];
                                directoryStatus: string;
                                displayName: string;
                                email: string;
                                emails: string[];
                                employeeIds: string[];
                                employmentStatus: string;
                                employmentType: string;
                                id: string;
                                jobTitle: string;
                                managerIds: string[];
                                profile: {
                                    [key: string]: unknown;
                                };
                                roleIds: string[];
                                status: string;
                                type: string;
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                            }[];
                            nextPageToken: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_id: string;
                    entitlement_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        userIds?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_id: string;
                    entitlement_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/{entitlement_id}/owners/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_id: string;
                    entitlement_id: string;
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appEntitlementView: {
                                appEntitlement: {
                                    alias: string;
                                    appId: string;
                                    appResourceId: string;
                                    appResourceTypeId: string;
                                    certifyPolicyId: string;
                                    complianceFrameworkValueIds: string[];
                                    createdAt: string | null;
                                    defaultValuesApplied: boolean;
                                    deletedAt: string | null;
                                    deprovisionerPolicy: {
                                        [key: string]: unknown;
                                    } | null;
                                    description: string;
                                    displayName: string;
                                    durationGrant: string | null;
                                    durationUnset: Record<string, never> | null;
                                    emergencyGrantEnabled: boolean;
                                    emergencyGrantPolicyId: string;
                                    grantCount: string;
                                    grantPolicyId: string;
                                    id: string;
                                    isAutomationEnabled: boolean;
                                    isManuallyManaged: boolean;
                                    matchBatonId: string;
                                    overrideAccessRequestsDefaults: boolean;
                                    provisionerPolicy: {
                                        [key: string]: unknown;
                                    } | null;
                                    purpose: string;
                                    requestSchemaId: string;
                                    revokePolicyId: string;
                                    riskLevelValueId: string;
                                    slug: string;
                                    sourceConnectorIds: {
                                        [key: string]: string;
                                    };
                                    systemBuiltin: boolean;
                                    updatedAt: string | null;
                                    userEditedMask: string | null;
                                };
                                appPath: string;
                                appResourcePath: string;
                                appResourceTypePath: string;
                            };
                            expanded: unknown[];
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        entitlement?: {
                            alias?: string | null;
                            certifyPolicyId?: string | null;
                            complianceFrameworkValueIds?: string[] | null;
                            description?: string | null;
                            displayName?: string | null;
                            durationGrant?: string | null;
                            durationUnset?: Record<string, never> | null;
                            emergencyGrantEnabled?: boolean | null;
                            emergencyGrantPolicyId?: string | null;
                            grantPolicyId?: string | null;
                            matchBatonId?: string | null;
                            overrideAccessRequestsDefaults?: boolean | null;
                            purpose?: ("APP_ENTITLEMENT_PURPOSE_VALUE_UNSPECIFIED" | "APP_ENTITLEMENT_PURPOSE_VALUE_ASSIGNMENT" | "APP_ENTITLEMENT_PURPOSE_VALUE_PERMISSION") | null;
                            revokePolicyId?: string | null;
                            riskLevelValueId?: string | null;
                            slug?: string | null;
                        } | null;
                        expandMask?: {
                            paths?: string[] | null;
                        } | null;
                        overrideAccessRequestsDefaults?: boolean | null;
                        updateMask?: (string | {
                            paths: string[];
                        }) | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appEntitlementView: {
                                appEntitlement: {
                                    alias: string;
                                    appId: string;
                                    appResourceId: string;
                                    appResourceTypeId: string;
                                    certifyPolicyId: string;
                                    complianceFrameworkValueIds: string[];
                                    createdAt: string | null;
                                    defaultValuesApplied: boolean;
                                    deletedAt: string | null;
                                    deprovisionerPolicy: {
                                        [key: string]: unknown;
                                    } | null;
                                    description: string;
                                    displayName: string;
                                    durationGrant: string | null;
                                    durationUnset: Record<string, never> | null;
                                    emergencyGrantEnabled: boolean;
                                    emergencyGrantPolicyId: string;
                                    grantCount: string;
                                    grantPolicyId: string;
                                    id: string;
                                    isAutomationEnabled: boolean;
                                    isManuallyManaged: boolean;
                                    matchBatonId: string;
                                    overrideAccessRequestsDefaults: boolean;
                                    provisionerPolicy: {
                                        [key: string]: unknown;
                                    } | null;
                                    purpose: string;
                                    requestSchemaId: string;
                                    revokePolicyId: string;
                                    riskLevelValueId: string;
                                    slug: string;
                                    sourceConnectorIds: {
                                        [key: string]: string;
                                    };
                                    systemBuiltin: boolean;
                                    updatedAt: string | null;
                                    userEditedMask: string | null;
                                };
                                appPath: string;
                                appResourcePath: string;
                                appResourceTypePath: string;
                            };
                            expanded: unknown[];
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/resource_types/{app_resource_type_id}/resources/{app_resource_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page_size?: number;
                    page_token?: string;
                };
                header?: never;
                path: {
                    app_id: string;
                    app_resource_id: string;
                    app_resource_type_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expanded: unknown[];
                            list: {
                                appEntitlement: {
                                    alias: string;
                                    appId: string;
                                    appResourceId: string;
                                    appResourceTypeId: string;
                                    certifyPolicyId: string;
                                    complianceFrameworkValueIds: string[];
                                    createdAt: string | null;
                                    defaultValuesApplied: boolean;
                                    deletedAt: string | null;
                                    deprovisionerPolicy: {
                                        [key: string]: unknown;
                                    } | null;
                                    description: string;
                                    displayName: string;
                                    durationGrant: string | null;
                                    durationUnset: Record<string, never> | null;
                                    emergencyGrantEnabled: boolean;
                                    emergencyGrantPolicyId: string;
                                    grantCount: string;
                                    grantPolicyId: string;
                                    id: string;
                                    isAutomationEnabled: boolean;
                                    isManuallyManaged: boolean;
                                    matchBatonId: string;
                                    overrideAccessRequestsDefaults: boolean;
                                    provisionerPolicy: {
                                        [key: string]: unknown;
                                    } | null;
                                    purpose: string;
                                    requestSchemaId: string;
                                    revokePolicyId: string;
                                    riskLevelValueId: string;
                                    slug: string;
                                    sourceConnectorIds: {
                                        [key: string]: string;
                                    };
                                    systemBuiltin: boolean;
                                    updatedAt: string | null;
                                    userEditedMask: string | null;
                                };
                                appPath: string;
                                appResourcePath: string;
                                appResourceTypePath: string;
                            }[];
                            nextPageToken: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/users/{app_user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page_size?: number;
                    page_token?: string;
                };
                header?: never;
                path: {
                    app_id: string;
                    app_user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expanded: unknown[];
                            list: {
                                appEntitlement: {
                                    alias: string;
                                    appId: string;
                                    appResourceId: string;
                                    appResourceTypeId: string;
                                    certifyPolicyId: string;
                                    complianceFrameworkValueIds: string[];
                                    createdAt: string | null;
                                    defaultValuesApplied: boolean;
                                    deletedAt: string | null;
                                    deprovisionerPolicy: {
                                        [key: string]: unknown;
                                    } | null;
                                    description: string;
                                    displayName: string;
                                    durationGrant: string | null;
                                    durationUnset: Record<string, never> | null;
                                    emergencyGrantEnabled: boolean;
                                    emergencyGrantPolicyId: string;
                                    grantCount: string;
                                    grantPolicyId: string;
                                    id: string;
                                    isAutomationEnabled: boolean;
                                    isManuallyManaged: boolean;
                                    matchBatonId: string;
                                    overrideAccessRequestsDefaults: boolean;
                                    provisionerPolicy: {
                                        [key: string]: unknown;
                                    } | null;
                                    purpose: string;
                                    requestSchemaId: string;
                                    revokePolicyId: string;
                                    riskLevelValueId: string;
                                    slug: string;
                                    sourceConnectorIds: {
                                        [key: string]: string;
                                    };
                                    systemBuiltin: boolean;
                                    updatedAt: string | null;
                                    userEditedMask: string | null;
                                };
                                appPath: string;
                                appResourcePath: string;
                                appResourceTypePath: string;
                            }[];
                            nextPageToken: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/owners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page_size?: number;
                    page_token?: string;
                };
                header?: never;
                path: {
                    app_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            list: {
                                createdAt: string | null;
                                delegatedUserId: string;
                                deletedAt: string | null;
                                department: string;
                                directoryIds: string[];
                                directoryStatus: string;
                                displayName: string;
                                email: string;
                                emails: string[];
                                employeeIds: string[];
                                employmentStatus: string;
                                employmentType: string;
                                id: string;
                                jobTitle: string;
                                managerIds: string[];
                                profile: {
                                    [key: string]: unknown;
                                };
                                roleIds: string[];
                                status: string;
                                type: string;
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                            }[];
                            nextPageToken: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        userIds?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/owners/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_id: string;
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_id: string;
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/resource_types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page_size?: number;
                    page_token?: string;
                };
                header?: never;
                path: {
                    app_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expanded: unknown[];
                            list: {
                                appPath: string;
                                appResourceType: {
                                    appId: string;
                                    createdAt: string | null;
                                    deletedAt: string | null;
                                    displayName: string;
                                    id: string;
                                    traitIds: string[];
                                    updatedAt: string | null;
                                };
                            }[];
                            nextPageToken: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName: string;
                        /** @enum {unknown} */
                        resourceType: "ROLE" | "GROUP" | "LICENSE" | "PROJECT" | "CATALOG" | "CUSTOM" | "VAULT" | "PROFILE_TYPE" | "SESSION_POLICY" | "CLAW_AGENT";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appResourceType: {
                                appId: string;
                                createdAt: string | null;
                                deletedAt: string | null;
                                displayName: string;
                                id: string;
                                traitIds: string[];
                                updatedAt: string | null;
                            };
                            expanded: unknown[];
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/resource_types/{app_resource_type_id}/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page_size?: number;
                    page_token?: string;
                };
                header?: never;
                path: {
                    app_id: string;
                    app_resource_type_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expanded: unknown[];
                            list: {
                                appPath: string;
                                appResource: {
                                    appId: string;
                                    appResourceTypeId: string;
                                    createdAt: string | null;
                                    customDescription: string;
                                    deletedAt: string | null;
                                    description: string;
                                    displayName: string;
                                    grantCount: string;
                                    id: string;
                                    matchBatonId: string;
                                    parentAppResourceId: string;
                                    parentAppResourceTypeId: string;
                                    secretTrait: {
                                        identityAppUserId: string;
                                        lastUsedAt: string | null;
                                        secretCreatedAt: string | null;
                                        secretExpiresAt: string | null;
                                    } | null;
                                    updatedAt: string | null;
                                };
                                parentResourcePath: string;
                                parentResourceTypePath: string;
                                resourceTypePath: string;
                            }[];
                            nextPageToken: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_id: string;
                    app_resource_type_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        displayName: string;
                        matchBatonId?: string | null;
                        resourceOwnerUserIds?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appResource: {
                                appId: string;
                                appResourceTypeId: string;
                                createdAt: string | null;
                                customDescription: string;
                                deletedAt: string | null;
                                description: string;
                                displayName: string;
                                grantCount: string;
                                id: string;
                                matchBatonId: string;
                                parentAppResourceId: string;
                                parentAppResourceTypeId: string;
                                secretTrait: {
                                    identityAppUserId: string;
                                    lastUsedAt: string | null;
                                    secretCreatedAt: string | null;
                                    secretExpiresAt: string | null;
                                } | null;
                                updatedAt: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/resource_types/{app_resource_type_id}/resources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_id: string;
                    app_resource_type_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appResourceView: {
                                appPath: string;
                                appResource: {
                                    appId: string;
                                    appResourceTypeId: string;
                                    createdAt: string | null;
                                    customDescription: string;
                                    deletedAt: string | null;
                                    description: string;
                                    displayName: string;
                                    grantCount: string;
                                    id: string;
                                    matchBatonId: string;
                                    parentAppResourceId: string;
                                    parentAppResourceTypeId: string;
                                    secretTrait: {
                                        identityAppUserId: string;
                                        lastUsedAt: string | null;
                                        secretCreatedAt: string | null;
                                        secretExpiresAt: string | null;
                                    } | null;
                                    updatedAt: string | null;
                                };
                                parentResourcePath: string;
                                parentResourceTypePath: string;
                                resourceTypePath: string;
                            };
                            expanded: unknown[];
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_id: string;
                    app_resource_type_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        appResource?: {
                            description?: string | null;
                            displayName?: string | null;
                            matchBatonId?: string | null;
                        } | null;
                        expandMask?: {
                            paths?: string[] | null;
                        } | null;
                        updateMask?: (string | {
                            paths: string[];
                        }) | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appResourceView: {
                                appPath: string;
                                appResource: {
                                    appId: string;
                                    appResourceTypeId: string;
                                    createdAt: string | null;
                                    customDescription: string;
                                    deletedAt: string | null;
                                    description: string;
                                    displayName: string;
                                    grantCount: string;
                                    id: string;
                                    matchBatonId: string;
                                    parentAppResourceId: string;
                                    parentAppResourceTypeId: string;
                                    secretTrait: {
                                        identityAppUserId: string;
                                        lastUsedAt: string | null;
                                        secretCreatedAt: string | null;
                                        secretExpiresAt: string | null;
                                    } | null;
                                    updatedAt: string | null;
                                };
                                parentResourcePath: string;
                                parentResourceTypePath: string;
                                resourceTypePath: string;
                            };
                            expanded: unknown[];
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_id: string;
                    app_resource_type_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/resource_types/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appResourceTypeView: {
                                appPath: string;
                                appResourceType: {
                                    appId: string;
                                    createdAt: string | null;
                                    deletedAt: string | null;
                                    displayName: string;
                                    id: string;
                                    traitIds: string[];
                                    updatedAt: string | null;
                                };
                            };
                            expanded: unknown[];
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        appResourceType?: {
                            displayName?: string | null;
                        } | null;
                        updateMask?: (string | {
                            paths: string[];
                        }) | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appResourceType: {
                                appId: string;
                                createdAt: string | null;
                                deletedAt: string | null;
                                displayName: string;
                                id: string;
                                traitIds: string[];
                                updatedAt: string | null;
                            };
                            expanded: unknown[];
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/resource_types/{resource_type_id}/resource/{resource_id}/owners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page_size?: number;
                    page_token?: string;
                };
                header?: never;
                path: {
                    app_id: string;
                    resource_id: string;
                    resource_type_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            list: {
                                createdAt: string | null;
                                delegatedUserId: string;
                                deletedAt: string | null;
                                department: string;
                                directoryIds: string[];
                                directoryStatus: string;
                                displayName: string;
                                email: string;
                                emails: string[];
                                employeeIds: string[];
                                employmentStatus: string;
                                employmentType: string;
                                id: string;
                                jobTitle: string;
                                managerIds: string[];
                                profile: {
                                    [key: string]: unknown;
                                };
                                roleIds: string[];
                                status: string;
                                type: string;
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                            }[];
                            nextPageToken: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_id: string;
                    resource_id: string;
                    resource_type_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_id: string;
                    resource_id: string;
                    resource_type_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/users/{user_id}/app_users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page_size?: number;
                    page_token?: string;
                };
                header?: never;
                path: {
                    app_id: string;
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expanded: unknown[];
                            list: {
                                appPath: string;
                                appUser: {
                                    appId: string;
                                    appUserType: string;
                                    createdAt: string | null;
                                    deletedAt: string | null;
                                    displayName: string;
                                    email: string;
                                    emails: string[];
                                    employeeIds: string[];
                                    id: string;
                                    identityUserId: string;
                                    isExternal: boolean;
                                    profile: {
                                        [key: string]: unknown;
                                    };
                                    status: {
                                        details: string;
                                        status: string;
                                    };
                                    updatedAt: string | null;
                                    username: string;
                                    usernames: string[];
                                };
                                identityUserPath: string;
                                lastUsagePath: string;
                            }[];
                            nextPageToken: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_user_app_id}/app_users/{app_user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_user_app_id: string;
                    app_user_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        appUser?: {
                            appUserType?: ("APP_USER_TYPE_UNSPECIFIED" | "APP_USER_TYPE_USER" | "APP_USER_TYPE_SERVICE_ACCOUNT" | "APP_USER_TYPE_SYSTEM_ACCOUNT") | null;
                            identityUserId?: string | null;
                        } | null;
                        expandMask?: {
                            paths?: string[] | null;
                        } | null;
                        updateMask?: (string | {
                            paths: string[];
                        }) | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appUserView: {
                                appPath: string;
                                appUser: {
                                    appId: string;
                                    appUserType: string;
                                    createdAt: string | null;
                                    deletedAt: string | null;
                                    displayName: string;
                                    email: string;
                                    emails: string[];
                                    employeeIds: string[];
                                    id: string;
                                    identityUserId: string;
                                    isExternal: boolean;
                                    profile: {
                                        [key: string]: unknown;
                                    };
                                    status: {
                                        details: string;
                                        status: string;
                                    };
                                    updatedAt: string | null;
                                    username: string;
                                    usernames: string[];
                                };
                                identityUserPath: string;
                                lastUsagePath: string;
                            };
                            expanded: unknown[];
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            app: {
                                appAccountId: string;
                                appAccountName: string;
                                appOwners: {
                                    createdAt: string | null;
                                    delegatedUserId: string;
                                    deletedAt: string | null;
                                    department: string;
                                    directoryIds: string[];
                                    directoryStatus: string;
                                    displayName: string;
                                    email: string;
                                    emails: string[];
                                    employeeIds: string[];
                                    employmentStatus: string;
                                    employmentType: string;
                                    id: string;
                                    jobTitle: string;
                                    managerIds: string[];
                                    profile: {
                                        [key: string]: unknown;
                                    };
                                    roleIds: string[];
                                    status: string;
                                    type: string;
                                    updatedAt: string | null;
                                    username: string;
                                    usernames: string[];
                                }[];
                                certifyPolicyId: string;
                                connectorVersion: number;
                                createdAt: string | null;
                                defaultRequestCatalogId: string;
                                deletedAt: string | null;
                                description: string;
                                displayName: string;
                                fieldMask: string | null;
                                grantPolicyId: string;
                                iconUrl: string;
                                id: string;
                                identityMatching: string;
                                instructions: string;
                                isDirectory: boolean;
                                isManuallyManaged: boolean;
                                logoUri: string;
                                monthlyCostUsd: number;
                                parentAppId: string;
                                revokePolicyId: string;
                                strictAccessEntitlementProvisioning: boolean;
                                updatedAt: string | null;
                                userCount: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        app?: {
                            certifyPolicyId?: string | null;
                            description?: string | null;
                            displayName?: string | null;
                            grantPolicyId?: string | null;
                            iconUrl?: string | null;
                            identityMatching?: ("APP_USER_IDENTITY_MATCHING_UNSPECIFIED" | "APP_USER_IDENTITY_MATCHING_STRICT" | "APP_USER_IDENTITY_MATCHING_DISPLAY_NAME") | null;
                            instructions?: string | null;
                            monthlyCostUsd?: number | null;
                            revokePolicyId?: string | null;
                            strictAccessEntitlementProvisioning?: boolean | null;
                        } | null;
                        updateMask?: (string | {
                            paths: string[];
                        }) | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            app: {
                                appAccountId: string;
                                appAccountName: string;
                                appOwners: {
                                    createdAt: string | null;
                                    delegatedUserId: string;
                                    deletedAt: string | null;
                                    department: string;
                                    directoryIds: string[];
                                    directoryStatus: string;
                                    displayName: string;
                                    email: string;
                                    emails: string[];
                                    employeeIds: string[];
                                    employmentStatus: string;
                                    employmentType: string;
                                    id: string;
                                    jobTitle: string;
                                    managerIds: string[];
                                    profile: {
                                        [key: string]: unknown;
                                    };
                                    roleIds: string[];
                                    status: string;
                                    type: string;
                                    updatedAt: string | null;
                                    username: string;
                                    usernames: string[];
                                }[];
                                certifyPolicyId: string;
                                connectorVersion: number;
                                createdAt: string | null;
                                defaultRequestCatalogId: string;
                                deletedAt: string | null;
                                description: string;
                                displayName: string;
                                fieldMask: string | null;
                                grantPolicyId: string;
                                iconUrl: string;
                                id: string;
                                identityMatching: string;
                                instructions: string;
                                isDirectory: boolean;
                                isManuallyManaged: boolean;
                                logoUri: string;
                                monthlyCostUsd: number;
                                parentAppId: string;
                                revokePolicyId: string;
                                strictAccessEntitlementProvisioning: boolean;
                                updatedAt: string | null;
                                userCount: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/introspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["c1.api.auth.v1.Auth.Introspect"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grants/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["c1.api.app.v1.AppEntitlementUserBindingService.SearchGrantFeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/iam/personal_clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["c1.api.iam.v1.PersonalClientService.List"];
        put?: never;
        post: operations["c1.api.iam.v1.PersonalClientService.Create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/iam/personal_clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            client: {
                                allowSourceCidr: string[];
                                clientId: string;
                                createdAt: string | null;
                                deletedAt: string | null;
                                displayName: string;
                                expiresTime: string | null;
                                id: string;
                                lastUsedAt: string | null;
                                scopedRoles: string[];
                                updatedAt: string | null;
                                userId: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        client?: {
                            allowSourceCidr?: string[] | null;
                            displayName?: string | null;
                            expiresTime?: string | null;
                            scopedRoles?: string[] | null;
                        } | null;
                        updateMask?: (string | {
                            paths: string[];
                        }) | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            client: {
                                allowSourceCidr: string[];
                                clientId: string;
                                createdAt: string | null;
                                deletedAt: string | null;
                                displayName: string;
                                expiresTime: string | null;
                                id: string;
                                lastUsedAt: string | null;
                                scopedRoles: string[];
                                updatedAt: string | null;
                                userId: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/iam/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["c1.api.iam.v1.Roles.List"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/iam/roles/{role_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    role_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            role: {
                                createdAt: string | null;
                                deletedAt: string | null;
                                displayName: string;
                                id: string;
                                name: string;
                                permissions: string[];
                                serviceRoles: string[];
                                systemApiOnly: boolean;
                                systemBuiltin: boolean;
                                updatedAt: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    role_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        role?: {
                            displayName?: string | null;
                            permissions?: string[] | null;
                            serviceRoles?: string[] | null;
                        } | null;
                        updateMask?: (string | {
                            paths: string[];
                        }) | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            role: {
                                createdAt: string | null;
                                deletedAt: string | null;
                                displayName: string;
                                id: string;
                                name: string;
                                permissions: string[];
                                serviceRoles: string[];
                                systemApiOnly: boolean;
                                systemBuiltin: boolean;
                                updatedAt: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search/app_resource_types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["c1.api.app.v1.AppResourceSearch.SearchAppResourceTypes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search/app_resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["c1.api.app.v1.AppResourceSearch.SearchAppResources"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search/app_users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["c1.api.app.v1.AppUserService.Search"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["c1.api.app.v1.AppSearch.Search"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search/entitlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["c1.api.app.v1.AppEntitlementSearchService.Search"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["c1.api.app.v1.AppEntitlementSearchService.SearchGrants"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search/iam/personal_clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["c1.api.iam.v1.PersonalClientSearchService.Search"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search/past-grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["c1.api.app.v1.AppEntitlementUserBindingService.SearchPastGrants"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["c1.api.user.v1.UserSearch.Search"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/systemlog/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["c1.api.systemlog.v1.SystemLogService.ListEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["c1.api.user.v1.UserService.List"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expanded: unknown[];
                            userView: {
                                delegatedUserPath: string;
                                directoriesPath: string;
                                managersPath: string;
                                rolesPath: string;
                                user: {
                                    createdAt: string | null;
                                    delegatedUserId: string;
                                    deletedAt: string | null;
                                    department: string;
                                    directoryIds: string[];
                                    directoryStatus: string;
                                    displayName: string;
                                    email: string;
                                    emails: string[];
                                    employeeIds: string[];
                                    employmentStatus: string;
                                    employmentType: string;
                                    id: string;
                                    jobTitle: string;
                                    managerIds: string[];
                                    profile: {
                                        [key: string]: unknown;
                                    };
                                    roleIds: string[];
                                    status: string;
                                    type: string;
                                    updatedAt: string | null;
                                    username: string;
                                    usernames: string[];
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/v1/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            error_description: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            expires_in: number;
                            token_type: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How people can sign in to the console */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            idleMinutes: number;
                            oidc: boolean;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/resolve-people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Which Roster users a pasted or uploaded list of emails and user IDs names */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        lines: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            people: {
                                displayName: string;
                                email: string;
                                input: string;
                                userId: string;
                            }[];
                            unresolved: {
                                input: string;
                                reason: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in person, their roles and the CSRF token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description send it in the x-csrf-token header of every change */
                            csrfToken: string;
                            /**
                             * Format: date-time
                             * @description the absolute end of the session
                             */
                            expiresAt: string;
                            /** @description the session ends after this long unused */
                            idleMinutes: number;
                            method: "client_secret" | "oidc";
                            /** @description held only on the apps, entitlements and resources the user owns */
                            ownedPermissions: string[];
                            permissions: string[];
                            roleIds: string[];
                            user: {
                                displayName: string;
                                email: string;
                                id: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Sign in to the console with an API client ID and secret */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        clientId: string;
                        clientSecret: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description send it in the x-csrf-token header of every change */
                            csrfToken: string;
                            /**
                             * Format: date-time
                             * @description the absolute end of the session
                             */
                            expiresAt: string;
                            /** @description the session ends after this long unused */
                            idleMinutes: number;
                            method: "client_secret" | "oidc";
                            /** @description held only on the apps, entitlements and resources the user owns */
                            ownedPermissions: string[];
                            permissions: string[];
                            roleIds: string[];
                            user: {
                                displayName: string;
                                email: string;
                                id: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        /** Sign out of the console */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the OpenID Connect provider sends the person back */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/auth/oidc/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Begin signing in with the OpenID Connect provider (a redirect) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The process is up. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Prometheus text format. Needs `Authorization: Bearer <ROSTER_METRICS_TOKEN>` when that is set. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Prometheus exposition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The database answers and every migration is applied; 503 in the error format otherwise. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            database: string;
                            status: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/apps/{app_id}/entitlements/{app_entitlement_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    app_entitlement_id: string;
                    app_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unlinkedAppUserIds: string[];
                            userIds: string[];
                            version: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: {
                    dryRun?: boolean;
                };
                header?: {
                    "if-match"?: string;
                };
                path: {
                    app_entitlement_id: string;
                    app_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        userIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bulkActionId: string;
                            dryRun: boolean;
                            failedUsersErrorMap: {
                                [key: string]: string;
                            };
                            toAdd: string[];
                            toRemove: string[];
                            version: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/bulk_actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    app_entitlement_id?: string;
                    app_id?: string;
                    page_size?: number;
                    page_token?: string;
                    state?: "BULK_ACTION_STATE_PENDING" | "BULK_ACTION_STATE_RUNNING" | "BULK_ACTION_STATE_SUCCEEDED" | "BULK_ACTION_STATE_PARTIALLY_FAILED" | "BULK_ACTION_STATE_FAILED" | "BULK_ACTION_STATE_CANCELLED";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            list: {
                                appEntitlementId: string;
                                appId: string;
                                completedAt: string | null;
                                createdAt: string;
                                failed: number;
                                id: string;
                                kind: string;
                                processed: number;
                                state: string;
                                succeeded: number;
                                total: number;
                                updatedAt: string;
                            }[];
                            nextPageToken: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/bulk_actions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bulkAction: {
                                appEntitlementId: string;
                                appId: string;
                                completedAt: string | null;
                                createdAt: string;
                                failed: number;
                                id: string;
                                kind: string;
                                processed: number;
                                state: string;
                                succeeded: number;
                                total: number;
                                updatedAt: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/bulk_actions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bulkAction: {
                                appEntitlementId: string;
                                appId: string;
                                completedAt: string | null;
                                createdAt: string;
                                failed: number;
                                id: string;
                                kind: string;
                                processed: number;
                                state: string;
                                succeeded: number;
                                total: number;
                                updatedAt: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/bulk_actions/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    outcome?: "ADDED" | "ALREADY_MEMBER" | "FAILED";
                    page_size?: number;
                    page_token?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            list: {
                                appUserCreated: boolean;
                                appUserId: string;
                                error: string;
                                outcome: string;
                                userId: string;
                            }[];
                            nextPageToken: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            limits: {
                                bulkActionRetentionDays: number;
                                defaultPageSize: number;
                                idempotencyKeyTtlSeconds: number;
                                maxAddRequestBytes: number;
                                maxAddUserIds: number;
                                maxImportUsers: number;
                                maxPageSize: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/systemlog/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Every system-log event with since <= time < until, oldest first, as JSON lines (NDJSON), streamed. */
        get: {
            parameters: {
                query?: {
                    /** @description inclusive */
                    since?: string;
                    /** @description exclusive */
                    until?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description one OCSF event per line */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": string;
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName: string;
                        email: string;
                        roleIds?: string[];
                        username?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                createdAt: string | null;
                                delegatedUserId: string;
                                deletedAt: string | null;
                                department: string;
                                directoryIds: string[];
                                directoryStatus: string;
                                displayName: string;
                                email: string;
                                emails: string[];
                                employeeIds: string[];
                                employmentStatus: string;
                                employmentType: string;
                                id: string;
                                jobTitle: string;
                                managerIds: string[];
                                profile: {
                                    [key: string]: unknown;
                                };
                                roleIds: string[];
                                status: string;
                                type: string;
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: string;
                        email?: string;
                        roleIds?: string[];
                        username?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                createdAt: string | null;
                                delegatedUserId: string;
                                deletedAt: string | null;
                                department: string;
                                directoryIds: string[];
                                directoryStatus: string;
                                displayName: string;
                                email: string;
                                emails: string[];
                                employeeIds: string[];
                                employmentStatus: string;
                                employmentType: string;
                                id: string;
                                jobTitle: string;
                                managerIds: string[];
                                profile: {
                                    [key: string]: unknown;
                                };
                                roleIds: string[];
                                status: string;
                                type: string;
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/users/{user_id}/personal_clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        allowSourceCidr?: string[] | null;
                        displayName?: string | null;
                        expires?: string | null;
                        scopedRoles?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            client: {
                                allowSourceCidr: string[];
                                clientId: string;
                                createdAt: string | null;
                                deletedAt: string | null;
                                displayName: string;
                                expiresTime: string | null;
                                id: string;
                                lastUsedAt: string | null;
                                scopedRoles: string[];
                                updatedAt: string | null;
                                userId: string;
                            };
                            clientSecret: string;
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/users/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            userIds: string[];
                        };
                    };
                };
                /** @description Default Response */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description gRPC status code */
                            code: number;
                            details: {
                                "@type": string;
                                domain: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reason: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "c1.api.app.v1.Apps.List": {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            appAccountId: string;
                            appAccountName: string;
                            appOwners: {
                                createdAt: string | null;
                                delegatedUserId: string;
                                deletedAt: string | null;
                                department: string;
                                directoryIds: string[];
                                directoryStatus: string;
                                displayName: string;
                                email: string;
                                emails: string[];
                                employeeIds: string[];
                                employmentStatus: string;
                                employmentType: string;
                                id: string;
                                jobTitle: string;
                                managerIds: string[];
                                profile: {
                                    [key: string]: unknown;
                                };
                                roleIds: string[];
                                status: string;
                                type: string;
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                            }[];
                            certifyPolicyId: string;
                            connectorVersion: number;
                            createdAt: string | null;
                            defaultRequestCatalogId: string;
                            deletedAt: string | null;
                            description: string;
                            displayName: string;
                            fieldMask: string | null;
                            grantPolicyId: string;
                            iconUrl: string;
                            id: string;
                            identityMatching: string;
                            instructions: string;
                            isDirectory: boolean;
                            isManuallyManaged: boolean;
                            logoUri: string;
                            monthlyCostUsd: number;
                            parentAppId: string;
                            revokePolicyId: string;
                            strictAccessEntitlementProvisioning: boolean;
                            updatedAt: string | null;
                            userCount: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Default Response */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.Apps.Create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    certifyPolicyId?: string | null;
                    description?: string | null;
                    displayName: string;
                    grantPolicyId?: string | null;
                    identityMatching?: ("APP_USER_IDENTITY_MATCHING_UNSPECIFIED" | "APP_USER_IDENTITY_MATCHING_STRICT" | "APP_USER_IDENTITY_MATCHING_DISPLAY_NAME") | null;
                    monthlyCostUsd?: number | null;
                    owners?: string[] | null;
                    revokePolicyId?: string | null;
                    strictAccessEntitlementProvisioning?: boolean | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        app: {
                            appAccountId: string;
                            appAccountName: string;
                            appOwners: {
                                createdAt: string | null;
                                delegatedUserId: string;
                                deletedAt: string | null;
                                department: string;
                                directoryIds: string[];
                                directoryStatus: string;
                                displayName: string;
                                email: string;
                                emails: string[];
                                employeeIds: string[];
                                employmentStatus: string;
                                employmentType: string;
                                id: string;
                                jobTitle: string;
                                managerIds: string[];
                                profile: {
                                    [key: string]: unknown;
                                };
                                roleIds: string[];
                                status: string;
                                type: string;
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                            }[];
                            certifyPolicyId: string;
                            connectorVersion: number;
                            createdAt: string | null;
                            defaultRequestCatalogId: string;
                            deletedAt: string | null;
                            description: string;
                            displayName: string;
                            fieldMask: string | null;
                            grantPolicyId: string;
                            iconUrl: string;
                            id: string;
                            identityMatching: string;
                            instructions: string;
                            isDirectory: boolean;
                            isManuallyManaged: boolean;
                            logoUri: string;
                            monthlyCostUsd: number;
                            parentAppId: string;
                            revokePolicyId: string;
                            strictAccessEntitlementProvisioning: boolean;
                            updatedAt: string | null;
                            userCount: string;
                        };
                    };
                };
            };
            /** @description Default Response */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.auth.v1.Auth.Introspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        features: string[];
                        permissions: string[];
                        principleId: string;
                        roles: string[];
                        userId: string;
                    };
                };
            };
            /** @description Default Response */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlementUserBindingService.SearchGrantFeed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    after?: string | null;
                    appEntitlementRefs?: {
                        appId?: string | null;
                        id: string;
                    }[] | null;
                    appRefs?: {
                        id: string;
                    }[] | null;
                    appUserRefs?: {
                        appId?: string | null;
                        id: string;
                    }[] | null;
                    before?: string | null;
                    expandMask?: {
                        paths?: string[] | null;
                    } | null;
                    pageSize?: number | null;
                    pageToken?: string | null;
                    userRefs?: {
                        id: string;
                    }[] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            appPath: string;
                            appUserPath: string;
                            entitlementPath: string;
                            feed: {
                                appEntitlementId: string;
                                appId: string;
                                appUserId: string;
                                date: string | null;
                                eventType: string;
                                ticketId: string;
                            };
                            ticketPath: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Default Response */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.iam.v1.PersonalClientService.List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            allowSourceCidr: string[];
                            clientId: string;
                            createdAt: string | null;
                            deletedAt: string | null;
                            displayName: string;
                            expiresTime: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            scopedRoles: string[];
                            updatedAt: string | null;
                            userId: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Default Response */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.iam.v1.PersonalClientService.Create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    allowSourceCidr?: string[] | null;
                    displayName?: string | null;
                    expires?: string | null;
                    scopedRoles?: string[] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        client: {
                            allowSourceCidr: string[];
                            clientId: string;
                            createdAt: string | null;
                            deletedAt: string | null;
                            displayName: string;
                            expiresTime: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            scopedRoles: string[];
                            updatedAt: string | null;
                            userId: string;
                        };
                        clientSecret: string;
                    };
                };
            };
            /** @description Default Response */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.iam.v1.Roles.List": {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            createdAt: string | null;
                            deletedAt: string | null;
                            displayName: string;
                            id: string;
                            name: string;
                            permissions: string[];
                            serviceRoles: string[];
                            systemApiOnly: boolean;
                            systemBuiltin: boolean;
                            updatedAt: string | null;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Default Response */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppResourceSearch.SearchAppResourceTypes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    appIds?: string[] | null;
                    appUserIds?: string[] | null;
                    displayName?: string | null;
                    excludeResourceTypeIds?: string[] | null;
                    excludeResourceTypeTraitIds?: string[] | null;
                    pageSize?: number | null;
                    pageToken?: string | null;
                    query?: string | null;
                    resourceTypeIds?: string[] | null;
                    resourceTypeTraitIds?: string[] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            appId: string;
                            createdAt: string | null;
                            deletedAt: string | null;
                            displayName: string;
                            id: string;
                            traitIds: string[];
                            updatedAt: string | null;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Default Response */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppResourceSearch.SearchAppResources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    appId?: string | null;
                    appUserIds?: string[] | null;
                    excludeDeletedResourceBindings?: boolean | null;
                    excludeResourceIds?: string[] | null;
                    excludeResourceTypeTraitIds?: string[] | null;
                    expandMask?: {
                        paths?: string[] | null;
                    } | null;
                    pageSize?: number | null;
                    pageToken?: string | null;
                    query?: string | null;
                    refs?: {
                        appId?: string | null;
                        appResourceTypeId?: string | null;
                        id: string;
                    }[] | null;
                    resourceIds?: string[] | null;
                    resourceTypeIds?: string[] | null;
                    resourceTypeTraitIds?: string[] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            appPath: string;
                            appResource: {
                                appId: string;
                                appResourceTypeId: string;
                                createdAt: string | null;
                                customDescription: string;
                                deletedAt: string | null;
                                description: string;
                                displayName: string;
                                grantCount: string;
                                id: string;
                                matchBatonId: string;
                                parentAppResourceId: string;
                                parentAppResourceTypeId: string;
                                secretTrait: {
                                    identityAppUserId: string;
                                    lastUsedAt: string | null;
                                    secretCreatedAt: string | null;
                                    secretExpiresAt: string | null;
                                } | null;
                                updatedAt: string | null;
                            };
                            parentResourcePath: string;
                            parentResourceTypePath: string;
                            resourceTypePath: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Default Response */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppUserService.Search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    appId?: string | null;
                    appUserDomains?: ("APP_USER_DOMAIN_UNSPECIFIED" | "APP_USER_DOMAIN_EXTERNAL" | "APP_USER_DOMAIN_TRUSTED")[] | null;
                    appUserIds?: string[] | null;
                    appUserStatusDetails?: string[] | null;
                    appUserStatuses?: ("STATUS_UNSPECIFIED" | "STATUS_ENABLED" | "STATUS_DISABLED" | "STATUS_DELETED")[] | null;
                    appUserTypes?: ("APP_USER_TYPE_UNSPECIFIED" | "APP_USER_TYPE_USER" | "APP_USER_TYPE_SERVICE_ACCOUNT" | "APP_USER_TYPE_SYSTEM_ACCOUNT")[] | null;
                    excludeAppUserIds?: string[] | null;
                    expandMask?: {
                        paths?: string[] | null;
                    } | null;
                    pageSize?: number | null;
                    pageToken?: string | null;
                    query?: string | null;
                    refs?: {
                        appId?: string | null;
                        id: string;
                    }[] | null;
                    userIds?: string[] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            appPath: string;
                            appUser: {
                                appId: string;
                                appUserType: string;
                                createdAt: string | null;
                                deletedAt: string | null;
                                displayName: string;
                                email: string;
                                emails: string[];
                                employeeIds: string[];
                                id: string;
                                identityUserId: string;
                                isExternal: boolean;
                                profile: {
                                    [key: string]: unknown;
                                };
                                status: {
                                    details: string;
                                    status: string;
                                };
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                            };
                            identityUserPath: string;
                            lastUsagePath: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Default Response */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppSearch.Search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    appIds?: string[] | null;
                    displayName?: string | null;
                    excludeAppIds?: string[] | null;
                    onlyDirectories?: boolean | null;
                    pageSize?: number | null;
                    pageToken?: string | null;
                    policyRefs?: {
                        id?: string | null;
                    }[] | null;
                    query?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            appAccountId: string;
                            appAccountName: string;
                            appOwners: {
                                createdAt: string | null;
                                delegatedUserId: string;
                                deletedAt: string | null;
                                department: string;
                                directoryIds: string[];
                                directoryStatus: string;
                                displayName: string;
                                email: string;
                                emails: string[];
                                employeeIds: string[];
                                employmentStatus: string;
                                employmentType: string;
                                id: string;
                                jobTitle: string;
                                managerIds: string[];
                                profile: {
                                    [key: string]: unknown;
                                };
                                roleIds: string[];
                                status: string;
                                type: string;
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                            }[];
                            certifyPolicyId: string;
                            connectorVersion: number;
                            createdAt: string | null;
                            defaultRequestCatalogId: string;
                            deletedAt: string | null;
                            description: string;
                            displayName: string;
                            fieldMask: string | null;
                            grantPolicyId: string;
                            iconUrl: string;
                            id: string;
                            identityMatching: string;
                            instructions: string;
                            isDirectory: boolean;
                            isManuallyManaged: boolean;
                            logoUri: string;
                            monthlyCostUsd: number;
                            parentAppId: string;
                            revokePolicyId: string;
                            strictAccessEntitlementProvisioning: boolean;
                            updatedAt: string | null;
                            userCount: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Default Response */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlementSearchService.Search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accessReviewId?: string | null;
                    alias?: string | null;
                    appIds?: string[] | null;
                    appUserIds?: string[] | null;
                    complianceFrameworkIds?: string[] | null;
                    displayName?: string | null;
                    excludeAppIds?: string[] | null;
                    excludeAppUserIds?: string[] | null;
                    excludedEntitlementRefs?: {
                        appId?: string | null;
                        id: string;
                    }[] | null;
                    excludeImmutable?: boolean | null;
                    excludeResourceTypeIds?: string[] | null;
                    expandMask?: {
                        paths?: string[] | null;
                    } | null;
                    includeDeleted?: boolean | null;
                    isAutomated?: boolean | null;
                    membershipType?: ("APP_ENTITLEMENT_MEMBERSHIP_TYPE_UNSPECIFIED" | "APP_ENTITLEMENT_MEMBERSHIP_TYPE_MEMBER" | "APP_ENTITLEMENT_MEMBERSHIP_TYPE_OWNER" | "APP_ENTITLEMENT_MEMBERSHIP_TYPE_EXCLUSION" | "APP_ENTITLEMENT_MEMBERSHIP_TYPE_ADMIN")[] | null;
                    onlyGetExpiring?: boolean | null;
                    pageSize?: number | null;
                    pageToken?: string | null;
                    policyRefs?: {
                        id?: string | null;
                    }[] | null;
                    query?: string | null;
                    refs?: {
                        appId?: string | null;
                        id: string;
                    }[] | null;
                    resourceIds?: string[] | null;
                    resourceTraitIds?: string[] | null;
                    resourceTypeIds?: string[] | null;
                    riskLevelIds?: string[] | null;
                    sourceConnectorId?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        facets: {
                            count: string;
                            facets: {
                                displayName: string;
                                iconUrl: string;
                                param: string;
                                value: {
                                    values: {
                                        count: string;
                                        displayName: string;
                                        iconUrl: string;
                                        value: string;
                                    }[];
                                };
                            }[];
                        } | null;
                        list: {
                            appEntitlement: {
                                alias: string;
                                appId: string;
                                appResourceId: string;
                                appResourceTypeId: string;
                                certifyPolicyId: string;
                                complianceFrameworkValueIds: string[];
                                createdAt: string | null;
                                defaultValuesApplied: boolean;
                                deletedAt: string | null;
                                deprovisionerPolicy: {
                                    [key: string]: unknown;
                                } | null;
                                description: string;
                                displayName: string;
                                durationGrant: string | null;
                                durationUnset: Record<string, never> | null;
                                emergencyGrantEnabled: boolean;
                                emergencyGrantPolicyId: string;
                                grantCount: string;
                                grantPolicyId: string;
                                id: string;
                                isAutomationEnabled: boolean;
                                isManuallyManaged: boolean;
                                matchBatonId: string;
                                overrideAccessRequestsDefaults: boolean;
                                provisionerPolicy: {
                                    [key: string]: unknown;
                                } | null;
                                purpose: string;
                                requestSchemaId: string;
                                revokePolicyId: string;
                                riskLevelValueId: string;
                                slug: string;
                                sourceConnectorIds: {
                                    [key: string]: string;
                                };
                                systemBuiltin: boolean;
                                updatedAt: string | null;
                                userEditedMask: string | null;
                            };
                            appPath: string;
                            appResourcePath: string;
                            appResourceTypePath: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Default Response */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlementSearchService.SearchGrants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    appIds?: string[] | null;
                    appUserIds?: string[] | null;
                    entitlementRefs?: {
                        appId?: string | null;
                        id: string;
                    }[] | null;
                    expandMask?: {
                        paths?: string[] | null;
                    } | null;
                    pageSize?: number | null;
                    pageToken?: string | null;
                    resourceIds?: string[] | null;
                    resourceTypeIds?: string[] | null;
                    userId?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            appEntitlementUserBinding: {
                                appEntitlementUserBindingCreatedAt: string | null;
                                appEntitlementUserBindingDeprovisionAt: string | null;
                                appUser: {
                                    appPath: string;
                                    appUser: {
                                        appId: string;
                                        appUserType: string;
                                        createdAt: string | null;
                                        deletedAt: string | null;
                                        displayName: string;
                                        email: string;
                                        emails: string[];
                                        employeeIds: string[];
                                        id: string;
                                        identityUserId: string;
                                        isExternal: boolean;
                                        profile: {
                                            [key: string]: unknown;
                                        };
                                        status: {
                                            details: string;
                                            status: string;
                                        };
                                        updatedAt: string | null;
                                        username: string;
                                        usernames: string[];
                                    };
                                    identityUserPath: string;
                                    lastUsagePath: string;
                                };
                                grantSources: {
                                    appId: string;
                                    id: string;
                                }[];
                            };
                            entitlement: {
                                appEntitlement: {
                                    alias: string;
                                    appId: string;
                                    appResourceId: string;
                                    appResourceTypeId: string;
                                    certifyPolicyId: string;
                                    complianceFrameworkValueIds: string[];
                                    createdAt: string | null;
                                    defaultValuesApplied: boolean;
                                    deletedAt: string | null;
                                    deprovisionerPolicy: {
                                        [key: string]: unknown;
                                    } | null;
                                    description: string;
                                    displayName: string;
                                    durationGrant: string | null;
                                    durationUnset: Record<string, never> | null;
                                    emergencyGrantEnabled: boolean;
                                    emergencyGrantPolicyId: string;
                                    grantCount: string;
                                    grantPolicyId: string;
                                    id: string;
                                    isAutomationEnabled: boolean;
                                    isManuallyManaged: boolean;
                                    matchBatonId: string;
                                    overrideAccessRequestsDefaults: boolean;
                                    provisionerPolicy: {
                                        [key: string]: unknown;
                                    } | null;
                                    purpose: string;
                                    requestSchemaId: string;
                                    revokePolicyId: string;
                                    riskLevelValueId: string;
                                    slug: string;
                                    sourceConnectorIds: {
                                        [key: string]: string;
                                    };
                                    systemBuiltin: boolean;
                                    updatedAt: string | null;
                                    userEditedMask: string | null;
                                };
                                appPath: string;
                                appResourcePath: string;
                                appResourceTypePath: string;
                            };
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Default Response */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.iam.v1.PersonalClientSearchService.Search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    pageSize?: number | null;
                    pageToken?: string | null;
                    query?: string | null;
                    users?: {
                        id?: string | null;
                    }[] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            allowSourceCidr: string[];
                            clientId: string;
                            createdAt: string | null;
                            deletedAt: string | null;
                            displayName: string;
                            expiresTime: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            scopedRoles: string[];
                            updatedAt: string | null;
                            userId: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Default Response */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlementUserBindingService.SearchPastGrants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    appEntitlementRefs?: {
                        appId?: string | null;
                        id: string;
                    }[] | null;
                    appIds?: string[] | null;
                    appUserRefs?: {
                        appId?: string | null;
                        id: string;
                    }[] | null;
                    expandMask?: {
                        paths?: string[] | null;
                    } | null;
                    pageSize?: number | null;
                    pageToken?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            appPath: string;
                            appUserPath: string;
                            entitlementPath: string;
                            history: {
                                appEntitlementId: string;
                                appId: string;
                                appUserId: string;
                                grantedAt: string | null;
                                revokedAt: string | null;
                            };
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Default Response */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.user.v1.UserSearch.Search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email?: string | null;
                    excludeIds?: string[] | null;
                    excludeTypes?: string[] | null;
                    expandMask?: {
                        paths?: string[];
                    } | null;
                    ids?: string[] | null;
                    pageSize?: number | null;
                    pageToken?: string | null;
                    query?: string | null;
                    refs?: {
                        id: string;
                    }[] | null;
                    roleIds?: string[] | null;
                    userStatuses?: string[] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            delegatedUserPath: string;
                            directoriesPath: string;
                            managersPath: string;
                            rolesPath: string;
                            user: {
                                createdAt: string | null;
                                delegatedUserId: string;
                                deletedAt: string | null;
                                department: string;
                                directoryIds: string[];
                                directoryStatus: string;
                                displayName: string;
                                email: string;
                                emails: string[];
                                employeeIds: string[];
                                employmentStatus: string;
                                employmentType: string;
                                id: string;
                                jobTitle: string;
                                managerIds: string[];
                                profile: {
                                    [key: string]: unknown;
                                };
                                roleIds: string[];
                                status: string;
                                type: string;
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                            };
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Default Response */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.systemlog.v1.SystemLogService.ListEvents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    pageSize?: number | null;
                    pageToken?: string | null;
                    since?: string | null;
                    sinceEventUid?: string | null;
                    sortDirection?: ("SORT_DIRECTION_UNSPECIFIED" | "SORT_DIRECTION_ASC" | "SORT_DIRECTION_DESC") | null;
                    until?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            [key: string]: unknown;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Default Response */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.user.v1.UserService.List": {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            delegatedUserPath: string;
                            directoriesPath: string;
                            managersPath: string;
                            rolesPath: string;
                            user: {
                                createdAt: string | null;
                                delegatedUserId: string;
                                deletedAt: string | null;
                                department: string;
                                directoryIds: string[];
                                directoryStatus: string;
                                displayName: string;
                                email: string;
                                emails: string[];
                                employeeIds: string[];
                                employmentStatus: string;
                                employmentType: string;
                                id: string;
                                jobTitle: string;
                                managerIds: string[];
                                profile: {
                                    [key: string]: unknown;
                                };
                                roleIds: string[];
                                status: string;
                                type: string;
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                            };
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Default Response */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
}
