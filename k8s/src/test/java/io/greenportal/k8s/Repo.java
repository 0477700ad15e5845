package io.greenportal.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is: the k8s module runs its tests from k8s/, Maven passes the root. */
final class Repo {

    static final Path ROOT = Path.of(System.getProperty("greenportal.root", "..")).toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("k8s");

    private Repo() {
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
