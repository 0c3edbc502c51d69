import {
  IPC_CONTRACT,
  IPC_METHODS,
  type IpcMethod,
  type IpcRequest,
  type IpcResponse,
  type IpcResult,
} from '../../shared/ipc/contract';

export type IpcImplementations = {
  [M in IpcMethod]: (request: IpcRequest<M>) => Promise<IpcResponse<M>>;
};

/** A contract method by its own name only: "__proto__" or "toString" must not find anything. */
export function isIpcMethod(method: string): method is IpcMethod {
  return (IPC_METHODS as readonly string[]).includes(method);
}

export function ipcRefusal(code: string, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Validates an IPC request that arrived as `unknown` against the contract, runs the
 * implementation and wraps the outcome in a result envelope: errors are values at the boundary.
 * It never throws, and the implementation runs only with a request the contract accepts.
 */
export async function dispatchIpc(
  method: string,
  rawRequest: unknown,
  implementations: IpcImplementations,
): Promise<IpcResult<unknown>> {
  if (!isIpcMethod(method)) return ipcRefusal('unknown-ipc-method', 'No such IPC method.');
  try {
    const contract = IPC_CONTRACT[method];
    const parsed = contract.request.safeParse(rawRequest);
    if (!parsed.success) return ipcRefusal('invalid-ipc-request', parsed.error.message);
    const implementation = implementations[method] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: contract.response.parse(await implementation(parsed.data)) };
  } catch (error) {
    return ipcRefusal('ipc-failed', error instanceof Error ? error.message : String(error));
  }
}
