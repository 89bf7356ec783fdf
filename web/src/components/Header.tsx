export function Header() {
  return (
    <header className="header">
      <h1 className="header__title">staleproof</h1>
      <p className="header__tagline">
        Paste a connection-pool config. staleproof finds what breaks after a failover or idle timeout and
        fixes it — in your browser, nothing uploaded.
      </p>
    </header>
  );
}
