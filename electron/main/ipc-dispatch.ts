import {
  IPC_CONTRACT,
  type IpcMethod,
  type IpcRequest,
  type IpcResponse,
  type IpcResult,
} from '../../shared/ipc/contract';

export type IpcImplementations = {
  [M in IpcMethod]: (request: IpcRequest<M>) => Promise<IpcResponse<M>>;
};

/**
 * Validates an IPC request that arrived as `unknown` against the contract, runs the
 * implementation and wraps the outcome in a result envelope: errors are values at the boundary.
 */
export async function dispatchIpc<M extends IpcMethod>(
  method: M,
  rawRequest: unknown,
  implementations: IpcImplementations,
): Promise<IpcResult<IpcResponse<M>>> {
  const contract = IPC_CONTRACT[method];
  const parsed = contract.request.safeParse(rawRequest);
  if (!parsed.success) return { ok: false, error: { code: 'invalid-ipc-request', message: parsed.error.message } };
  try {
    const implementation = implementations[method] as (request: unknown) => Promise<unknown>;
    const value = contract.response.parse(await implementation(parsed.data)) as IpcResponse<M>;
    return { ok: true, value };
  } catch (error) {
    return {
      ok: false,
      error: { code: 'ipc-failed', message: error instanceof Error ? error.message : String(error) },
    };
  }
}
