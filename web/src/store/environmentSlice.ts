import type { StateCreator } from 'zustand';
import type { EnvironmentProfile } from '../../../engine/index';
import { PRESETS, setEnvironmentValue } from '../lib/engine';
import type { AppState } from './index';

/**
 * The environment profile as the user typed it: one string per name, as on the CLI's `--env NAME=VALUE`.
 * Valid values reach the engine; invalid ones are shown next to their field and left out.
 */
export interface EnvironmentSlice {
  environmentInputs: Record<string, string>;
  environment: EnvironmentProfile;
  environmentErrors: Record<string, string>;
  /** Also run the opt-in advisories (the CLI's `--opt-in`). */
  optIn: boolean;
  setEnvironmentInput(name: string, value: string): void;
  setOptIn(optIn: boolean): void;
}

export function parseEnvironmentInputs(inputs: Record<string, string>) {
  let environment: EnvironmentProfile = {};
  const environmentErrors: Record<string, string> = {};
  for (const [name, value] of Object.entries(inputs)) {
    if (value.trim() === '') continue;
    try {
      environment = setEnvironmentValue(environment, name, value);
    } catch (error) {
      environmentErrors[name] = (error as Error).message;
    }
  }
  return { environment, environmentErrors };
}

/** The inputs that give `profile` back: the inverse of `parseEnvironmentInputs` (a shared link's profile). */
export function environmentInputsOf(profile: EnvironmentProfile): Record<string, string> {
  const inputs: Record<string, string> = {};
  // A preset's own values stay implied by the preset, so changing the preset later changes them too.
  const implied: Record<string, unknown> = profile.preset ? PRESETS[profile.preset].profile : {};
  for (const [name, value] of Object.entries(profile)) {
    if (name !== 'preset' && implied[name] !== undefined && implied[name] === value) continue;
    if (name === 'versions') {
      for (const [library, version] of Object.entries(value ?? {})) inputs[library] = String(version);
    } else if (value !== undefined) {
      inputs[name] = String(value);
    }
  }
  return inputs;
}

export const createEnvironmentSlice: StateCreator<AppState, [], [], EnvironmentSlice> = (set) => ({
  environmentInputs: {},
  environment: {},
  environmentErrors: {},
  optIn: false,
  setOptIn: (optIn) => set((s) => ({ optIn, revision: s.revision + 1, lastChange: 'load' })),
  setEnvironmentInput: (name, value) =>
    set((s) => {
      const environmentInputs = { ...s.environmentInputs, [name]: value };
      return {
        environmentInputs,
        ...parseEnvironmentInputs(environmentInputs),
        revision: s.revision + 1,
        lastChange: 'edit',
      };
    }),
});
