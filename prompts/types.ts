import type { EnvironmentProfile } from '../core/environment';
import type { RedactedText } from '../core/redacted';
import type { FixSafety, Severity } from '../core/types';
import type { FormatId } from '../wasm-parsers/formats';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** One finding as the prompt shows it: no ranges, no edits (edits may carry the file's real values). */
export interface PromptFinding {
  ruleId: string;
  severity: Severity;
  /** 1-based line in the redacted text (a redacted multi-line value is one line there). */
  line: number;
  message: string;
  fix: { safety: FixSafety; description: string } | null;
  /** True when the person chose to apply this fix in the page. */
  chosen: boolean;
}

export interface ExplainInput {
  /** Only redacted text is accepted: the type makes raw user text a compile error here. */
  config: RedactedText;
  format: FormatId;
  environment: EnvironmentProfile;
  findings: readonly PromptFinding[];
  /** For each rule with a review fix among the findings: what that fix may change. */
  reviewNotes: Readonly<Record<string, string>>;
  /** The file's name, when it has one. */
  name?: string;
  /** What the other open files state that changed how this one was read (engine/project.ts facts). */
  readWith?: readonly string[];
  /** The other files of the same deployment (the page's other tabs), each with its own findings. */
  otherFiles?: readonly ExplainFile[];
}

/** Another file of the same deployment, as the prompt shows it. */
export interface ExplainFile {
  name: string;
  format: FormatId;
  config: RedactedText;
  findings: readonly PromptFinding[];
}

/**
 * A prompt template. Each version lives in its own file under templates/ and never changes once
 * shipped: a new wording is a new version, so an answer can be traced to the words that produced it.
 */
export interface ExplainTemplate {
  version: number;
  system: string;
  /** The first user message: the redacted config, its format, the environment and the findings. */
  firstUser(input: ExplainInput): string;
  /** A follow-up question, already redacted, as the next user message. */
  followUp(question: RedactedText): string;
}
