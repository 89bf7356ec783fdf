// The light bulb, Ctrl+. and the "Quick Fix…" link in a marker's hover.
import 'monaco-editor/features/codeAction/register';
import type { Finding } from '../../../engine/index';
import { resolveSelection } from '../analysis/fix-selection';
import { useAppStore } from '../store';
import { monaco } from './monaco';

const SET_FIX = 'staleproof.setFixChosen';
const SHOW_DOCS = 'staleproof.showRuleDocs';

function findingRange(f: Finding): monaco.Range {
  return new monaco.Range(f.line, f.column, f.endLine, f.endColumn);
}

/** The fixes chosen now, the toggles' state (the result may still be on its way). */
function chosenIds(): Set<string> {
  const { result, analysedText, fixSelection } = useAppStore.getState();
  if (!result) return new Set();
  return new Set(resolveSelection(result.findings, analysedText, fixSelection).selected);
}

/**
 * Code actions for the findings under the cursor in `editor`: "Apply fix: …" (or "Leave out fix: …"
 * when it is chosen) toggles that finding's fix in the same selection the toggles, the diff, the
 * download and the share link use; the input text itself is never edited. "Show rule docs" opens
 * the finding's docs in the findings list.
 */
export function registerFindingActions(editor: monaco.editor.IStandaloneCodeEditor): monaco.IDisposable {
  const commands = [
    monaco.editor.registerCommand(SET_FIX, (_accessor, findingId: string, on: boolean) => {
      const { result, analysedText, setFixChosen } = useAppStore.getState();
      const finding = result?.findings.find((f) => f.id === findingId);
      if (finding?.fix) setFixChosen(finding, analysedText, on);
    }),
    monaco.editor.registerCommand(SHOW_DOCS, (_accessor, findingId: string) => {
      useAppStore.getState().showDocs(findingId);
    }),
  ];
  const provider = monaco.languages.registerCodeActionProvider('*', {
    provideCodeActions(model, range, context) {
      const none = { actions: [], dispose() {} };
      const { result, resultRevision, revision } = useAppStore.getState();
      // Positions of a stale result belong to older text.
      if (model !== editor.getModel() || !result || resultRevision !== revision) return none;
      const chosen = chosenIds();
      const actions: monaco.languages.CodeAction[] = [];
      for (const finding of result.findings) {
        const at = findingRange(finding);
        if (!monaco.Range.areIntersectingOrTouching(at, range)) continue;
        const diagnostics = context.markers.filter(
          (m) =>
            m.code === finding.ruleId &&
            m.startLineNumber === finding.line &&
            m.startColumn === finding.column,
        );
        if (finding.fix) {
          const on = chosen.has(finding.id);
          const review = finding.fix.safety === 'review' ? ' (review)' : '';
          const title = `${on ? 'Leave out fix' : 'Apply fix'}: ${finding.fix.description}${review}`;
          actions.push({
            title,
            kind: 'quickfix',
            diagnostics,
            isPreferred: !on && finding.fix.safety === 'safe',
            command: { id: SET_FIX, title, arguments: [finding.id, !on] },
          });
        }
        const docs = `Show rule docs: ${finding.ruleId}`;
        actions.push({
          title: docs,
          kind: 'quickfix',
          diagnostics,
          command: { id: SHOW_DOCS, title: docs, arguments: [finding.id] },
        });
      }
      return { actions, dispose() {} };
    },
  });
  return {
    dispose() {
      provider.dispose();
      for (const command of commands) command.dispose();
    },
  };
}
