/** Why a whole file was refused; `key` is under the `batches.errors` catalogue, `values` fill it. */
export type BatchFileErrorKey = 'tooLarge' | 'unreadable' | 'noHeader' | 'noRows' | 'tooManyRows' | 'unknownColumn' | 'missingColumn' | 'duplicateColumn';

export class BatchFileError extends Error {
  constructor(
    readonly key: BatchFileErrorKey,
    readonly values: Record<string, string | number> = {},
  ) {
    super(`batches.errors.${key}`);
    this.name = 'BatchFileError';
  }
}
