/**
 * How the {@code file} stores (hsts-file, session-file) keep one JSON document on disk, in one
 * place: {@link navemu.store.file.AtomicFile} replaces the file whole (temporary file, fsync,
 * atomic rename, owner-only where asked), {@link navemu.store.file.StrictJson} reads the document
 * strictly, {@link navemu.store.file.CorruptFileQuarantine} moves a corrupt file aside without
 * overwriting an earlier one, and {@link navemu.store.file.StoreFileLoad} turns a failed load into
 * the words the user reads and the decision whether the store may still save.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package navemu.store.file;
