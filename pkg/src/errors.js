/**
 * The one error class of minform. Every error the SDK throws is a `MinformError` with a stable
 * `code` (see `MinformErrorCode` in index.d.ts) and, when the error is about one part of the
 * input, the `path` of that part (`options.key`). Messages are for people and may change; codes
 * and paths are a contract. No message contains a field value.
 */
export class MinformError extends Error {
  /**
   * @param {string} message
   * @param {{ code: string, path?: string, purpose?: string, category?: string }} details
   *   `purpose` and `category` name what is missing for `consent_required`.
   */
  constructor(message, { code, path, purpose, category } = {}) {
    super(message);
    this.name = 'MinformError';
    this.code = code;
    if (path !== undefined) this.path = path;
    if (purpose !== undefined) this.purpose = purpose;
    if (category !== undefined) this.category = category;
  }
}
