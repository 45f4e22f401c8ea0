/** CLI exit codes are a contract: 0 ok, 1 findings at or above the fail level, 2 usage or input error. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
