// How the MSI is signed, decided from the environment alone. A certificate is electron-builder's
// own business (it reads WIN_CSC_LINK/CSC_LINK and their passwords itself), so the plan only
// names which variable holds it; no value of any variable ever leaves this function, so a printed
// plan cannot leak a password or secret.

/** The environment, as `process.env` gives it. */
export type Env = Readonly<Record<string, string | undefined>>;

/** electron-builder 26's `win.azureSignOptions` (app-builder-lib WindowsAzureSigningConfiguration). */
export interface AzureSignOptions {
  readonly publisherName: string;
  readonly endpoint: string;
  readonly codeSigningAccountName: string;
  readonly certificateProfileName: string;
  readonly fileDigest: 'SHA256';
  readonly timestampRfc3161: string;
  readonly timestampDigest: 'SHA256';
}

/** How a build will be signed. */
export type SigningPlan =
  | { readonly kind: 'certificate'; readonly linkVariable: 'WIN_CSC_LINK' | 'CSC_LINK' }
  | { readonly kind: 'azure'; readonly options: AzureSignOptions }
  | { readonly kind: 'unsigned' };

/** Microsoft's RFC 3161 timestamp service for Trusted Signing (electron-builder's default too). */
export const AZURE_TIMESTAMP_URL = 'http://timestamp.acs.microsoft.com';

/** The Trusted Signing account: where and with which certificate profile to sign. */
export const AZURE_ACCOUNT_VARIABLES = [
  'AZURE_TRUSTED_SIGNING_ENDPOINT',
  'AZURE_TRUSTED_SIGNING_ACCOUNT',
  'AZURE_TRUSTED_SIGNING_PROFILE',
] as const;

/** The Entra ID app that the TrustedSigning PowerShell module signs in as (EnvironmentCredential). */
export const AZURE_CREDENTIAL_VARIABLES = ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID'] as const;

/** Either of these proves the app's identity: a client secret or a client certificate. */
export const AZURE_SECRET_VARIABLES = [
  'AZURE_CLIENT_SECRET',
  'AZURE_CLIENT_CERTIFICATE_PATH',
] as const;

const set = (env: Env, name: string) => (env[name] ?? '').trim() !== '';

/** The signing plan, or what is wrong with the signing variables. */
export function planSigning(
  env: Env,
  defaultPublisherName: string,
): { plan: SigningPlan; problems: string[] } {
  const problems: string[] = [];
  const linkVariable = set(env, 'WIN_CSC_LINK')
    ? 'WIN_CSC_LINK'
    : set(env, 'CSC_LINK')
      ? 'CSC_LINK'
      : null;
  const azureNamed = [...AZURE_ACCOUNT_VARIABLES, 'AZURE_TRUSTED_SIGNING_PUBLISHER_NAME'].some(
    (name) => set(env, name),
  );

  if (linkVariable && azureNamed) {
    problems.push(
      `Both a certificate (${linkVariable}) and Azure Trusted Signing (AZURE_TRUSTED_SIGNING_*) are set: ` +
        'electron-builder would sign with Azure only. Unset one of them.',
    );
    return { plan: { kind: 'unsigned' }, problems };
  }
  if (linkVariable) return { plan: { kind: 'certificate', linkVariable }, problems };
  if (!azureNamed) return { plan: { kind: 'unsigned' }, problems };

  const missing: string[] = [...AZURE_ACCOUNT_VARIABLES, ...AZURE_CREDENTIAL_VARIABLES].filter(
    (name) => !set(env, name),
  );
  if (!AZURE_SECRET_VARIABLES.some((name) => set(env, name)))
    missing.push(AZURE_SECRET_VARIABLES.join(' or '));
  if (missing.length > 0) {
    problems.push(`Azure Trusted Signing is set up only in part: missing ${missing.join(', ')}.`);
    return { plan: { kind: 'unsigned' }, problems };
  }
  const value = (name: string) => (env[name] ?? '').trim();
  return {
    plan: {
      kind: 'azure',
      options: {
        // Only electron-updater's signature check reads it (this MSI publishes no updates);
        // it must match the certificate's subject, which Trusted Signing issues to the
        // validated organisation, by default the package author.
        publisherName: value('AZURE_TRUSTED_SIGNING_PUBLISHER_NAME') || defaultPublisherName,
        endpoint: value('AZURE_TRUSTED_SIGNING_ENDPOINT'),
        codeSigningAccountName: value('AZURE_TRUSTED_SIGNING_ACCOUNT'),
        certificateProfileName: value('AZURE_TRUSTED_SIGNING_PROFILE'),
        fileDigest: 'SHA256',
        timestampRfc3161: AZURE_TIMESTAMP_URL,
        timestampDigest: 'SHA256',
      },
    },
    problems,
  };
}

/** One line saying how the build is signed; names variables and account names, never a secret. */
export function describeSigning(plan: SigningPlan): string {
  switch (plan.kind) {
    case 'certificate':
      return `signed with the certificate in ${plan.linkVariable}`;
    case 'azure':
      return (
        `signed with Azure Trusted Signing (account ${plan.options.codeSigningAccountName}, ` +
        `profile ${plan.options.certificateProfileName})`
      );
    case 'unsigned':
      return 'UNSIGNED (no certificate and no Azure Trusted Signing set)';
  }
}
