package navemu.lab.http;

/** The client sent something that is not an HTTP/1.1 request; answered with {@link #status()} and a close. */
public final class BadRequestException extends Exception {

    private final int status;

    public BadRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
