export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p>Drop the file to check it</p>
    </div>
  );
}
