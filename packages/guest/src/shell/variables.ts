interface Variable {
  value: string;
  exported: boolean;
}

/** Shell variables; exported ones form the environment of child processes. */
export class Variables {
  private vars = new Map<string, Variable>();

  static from(initial: Record<string, string>, exported = true): Variables {
    const vars = new Variables();
    for (const [name, value] of Object.entries(initial)) vars.set(name, value, exported);
    return vars;
  }

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  has(name: string): boolean {
    return this.vars.has(name);
  }

  /** Sets a value; keeps the exported flag of an existing variable unless `exported` is given. */
  set(name: string, value: string, exported?: boolean): void {
    const current = this.vars.get(name);
    this.vars.set(name, { value, exported: exported ?? current?.exported ?? false });
  }

  export(name: string, value?: string): void {
    const current = this.vars.get(name);
    if (value !== undefined || current) this.vars.set(name, { value: value ?? current?.value ?? '', exported: true });
    else this.vars.set(name, { value: '', exported: true });
  }

  unset(name: string): void {
    this.vars.delete(name);
  }

  isExported(name: string): boolean {
    return this.vars.get(name)?.exported ?? false;
  }

  /** The environment passed to a child process, with per-command assignments applied. */
  environment(overrides: Record<string, string> = {}): Map<string, string> {
    const env = new Map<string, string>();
    for (const [name, variable] of this.vars) if (variable.exported) env.set(name, variable.value);
    for (const [name, value] of Object.entries(overrides)) env.set(name, value);
    return env;
  }

  names(): string[] {
    return [...this.vars.keys()].sort();
  }

  clone(): Variables {
    const copy = new Variables();
    for (const [name, variable] of this.vars) copy.vars.set(name, { ...variable });
    return copy;
  }
}
