/**
 * Host names and address literals as a browser parses them (the WHATWG URL Standard's host
 * parser, with UTS #46 for internationalised names): the one parser that URLs, SNI, DNS, HSTS and
 * certificate checks share, so that they never disagree on what a host is.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package navemu.api.host;
