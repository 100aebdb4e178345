/** URLs as a browser parses what the user typed (the WHATWG URL Standard, for http and https). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package navemu.api.url;
