/**
 * How the {@code file} stores (hsts-file, session-file) keep one JSON document on disk, in one
 * place: {@link navemu.store.file.AtomicFile} replaces the file whole (temporary file, fsync,
 * atomic rename, directory fsync, owner-only where asked) and removes what a crashed write left,
 * {@link navemu.store.file.StrictJson} reads the document strictly and skips bad entries
 * ({@link navemu.store.file.ReadEntries}), {@link navemu.store.file.CorruptFileQuarantine} moves a
 * corrupt file aside without overwriting an earlier one, {@link navemu.store.file.StoreFileLoad}
 * turns a failed load into the words the user reads and the decision whether the store may still
 * save, and {@link navemu.store.file.StoreFileLock} lets several processes change one file without
 * losing each other's changes ({@link navemu.store.file.FileVersion} tells a reader when to re-read).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package navemu.store.file;
