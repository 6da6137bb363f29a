package dev.pitwall.cli;

/** The command line is wrong: the message is printed with the usage, and the exit code is 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
