import { IdsExplainError } from '../errors/ids-explain-error.js';

/**
 * Error of an alert whose backend call had not started when the job was asked to stop. The
 * alert gets no record, so a resumed run explains it.
 */
export class JobStoppedError extends IdsExplainError {
  constructor() {
    super('the job stopped before this alert reached the backend');
  }
}
