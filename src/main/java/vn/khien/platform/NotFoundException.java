package vn.khien.platform;

/**
 * Something does not exist, or exists outside the caller's organisation subtree: both answer 404
 * so that nobody learns what lies beyond their scope.
 */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what);
    }
}
