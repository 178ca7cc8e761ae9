/**
 * A mistake on the command line or in what it names (an unreadable file, a bad option value):
 * `uat` prints its message on one line of stderr and exits with status 2, without a stack trace.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
