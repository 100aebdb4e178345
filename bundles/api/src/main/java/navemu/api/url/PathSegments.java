package navemu.api.url;

import java.util.ArrayList;
import java.util.List;

/**
 * The WHATWG path state's handling of "." and ".." segments (also written %2e), for a special
 * URL's path: {@code /a/./b/../c} is {@code /a/c}, and ".." never climbs above the root.
 */
final class PathSegments {

    private PathSegments() {
    }

    /** {@code path} is empty or starts with '/'; the result starts with '/'. */
    static String normalise(String path) {
        if (path.isEmpty()) {
            return "/";
        }
        String[] segments = path.substring(1).split("/", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (isDoubleDot(segment)) {
                if (!kept.isEmpty()) {
                    kept.remove(kept.size() - 1);
                }
                if (last) {
                    kept.add("");
                }
            } else if (isSingleDot(segment)) {
                if (last) {
                    kept.add("");
                }
            } else {
                kept.add(segment);
            }
        }
        return "/" + String.join("/", kept);
    }

    private static boolean isSingleDot(String segment) {
        return segment.equals(".") || segment.equalsIgnoreCase("%2e");
    }

    private static boolean isDoubleDot(String segment) {
        String s = segment.toLowerCase(java.util.Locale.ROOT);
        return s.equals("..") || s.equals(".%2e") || s.equals("%2e.") || s.equals("%2e%2e");
    }
}
