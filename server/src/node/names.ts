// Which files are partnership files: the CLI searches for them, and only they get generated
// documents (the CLI's agenda and report, the server's generate commands).
export const PARTNERSHIP_SUFFIX = '.partnership.yaml';

export function isPartnershipFileName(name: string): boolean {
  return name.endsWith(PARTNERSHIP_SUFFIX) && name.length > PARTNERSHIP_SUFFIX.length;
}
