import { useEffect, useId } from 'react';
import { PROVIDERS, type ProviderId, providerOf } from '../llm/providers';
import { forgetLlm, saveLlm } from '../llm/settings';
import { useAppStore } from '../store';

/** Provider, endpoint, model and key. The key stays in memory unless "Remember on this device" is on. */
export function LlmSettings() {
  const settings = useAppStore((s) => s.llmSettings);
  const key = useAppStore((s) => s.llmKey);
  const remember = useAppStore((s) => s.llmRemember);
  const setSettings = useAppStore((s) => s.setLlmSettings);
  const setKey = useAppStore((s) => s.setLlmKey);
  const setRemember = useAppStore((s) => s.setLlmRemember);
  const id = useId();
  const provider = providerOf(settings.provider);

  // This tab's settings (never the key) in sessionStorage; settings and key on the device only when asked.
  useEffect(() => saveLlm(settings, key, remember), [settings, key, remember]);

  const chooseProvider = (next: ProviderId) => {
    const preset = providerOf(next);
    setSettings({ provider: next, baseURL: next === 'custom' ? settings.baseURL : preset.baseURL });
  };

  const forget = () => {
    forgetLlm();
    setRemember(false);
    setKey('');
  };

  return (
    <fieldset className="explain__settings">
      <legend>Endpoint and key</legend>
      <div className="explain__field">
        <label htmlFor={`${id}-provider`}>Provider</label>
        <select
          id={`${id}-provider`}
          className="input"
          value={settings.provider}
          onChange={(e) => chooseProvider(e.target.value as ProviderId)}
        >
          {PROVIDERS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <div className="explain__field">
        <label htmlFor={`${id}-base`}>Base URL</label>
        <input
          id={`${id}-base`}
          className="input"
          type="url"
          spellCheck={false}
          autoComplete="off"
          value={settings.baseURL}
          placeholder="https://…/v1"
          onChange={(e) => setSettings({ baseURL: e.target.value })}
        />
      </div>
      <div className="explain__field">
        <label htmlFor={`${id}-model`}>Model</label>
        <input
          id={`${id}-model`}
          className="input"
          spellCheck={false}
          autoComplete="off"
          value={settings.model}
          placeholder={provider.modelHint}
          onChange={(e) => setSettings({ model: e.target.value })}
        />
      </div>
      <div className="explain__field">
        <label htmlFor={`${id}-key`}>
          API key{provider.keyRequired ? '' : ' (optional for a local server)'}
        </label>
        <input
          id={`${id}-key`}
          className="input"
          type="password"
          spellCheck={false}
          autoComplete="off"
          value={key}
          onChange={(e) => setKey(e.target.value)}
        />
      </div>
      <p className="hint">
        The key is your own and goes from this page straight to the endpoint above, in the{' '}
        <code>Authorization</code> header and nowhere else: staleproof has no server that could hold it for
        you. That is why the OpenAI library’s browser guard (<code>dangerouslyAllowBrowser</code>) is turned
        off here. It is kept in this tab’s memory and gone when you reload or close it.
      </p>
      <label className="explain__check">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Remember
        the key and settings on this device
      </label>
      {remember && (
        <p className="explain__warning" role="note">
          The key is then stored unencrypted in this browser’s localStorage: anyone who uses this browser
          profile can read it. Use a key with a spending limit, and “Forget” it on a shared computer.{' '}
          <button type="button" className="button button--small" onClick={forget}>
            Forget
          </button>
        </p>
      )}
      <label className="explain__check">
        <input
          type="checkbox"
          checked={settings.askBeforeSending}
          onChange={(e) => setSettings({ askBeforeSending: e.target.checked })}
        />{' '}
        Show me what will be sent before each request
      </label>
    </fieldset>
  );
}
