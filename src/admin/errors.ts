/** A failure the user can act on, with the exit code the CLI ends with: printed as one line. */
export class OperationError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'OperationError';
  }
}
