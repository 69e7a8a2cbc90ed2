package org.opcat.followup.command.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.command.api.CommandServiceTest;
import org.opcat.followup.eventstore.documents.DocumentContents;
import org.opcat.followup.eventstore.documents.PostgresDocumentContents;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The PostgreSQL content store streams: a 20 MB file goes in without a copy of it in the heap,
 * and comes out a slice at a time. Heap is measured as the bytes this thread allocates.
 */
@CommandServiceTest
class DocumentContentsTest {

    private static final int SIZE = 20 * 1024 * 1024;

    @Autowired
    Api api;

    @Autowired
    DocumentContents contents;

    @Test
    void aTwentyMegabyteFileIsStreamedInAndOut() throws Exception {
        Path file = Files.createTempFile("document-", ".bin");
        try {
            byte[] block = new byte[1 << 20];
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Random random = new Random(16);
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                for (int i = 0; i < SIZE / block.length; i++) {
                    random.nextBytes(block);
                    out.write(block);
                }
            }
            block = null;
            String sha256 = HexFormat.of().formatHex(digest.digest());

            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            assertThat(contents.store(sha256, SIZE, "application/octet-stream", () -> Files.newInputStream(file), null))
                    .isEqualTo(DocumentContents.State.ABSENT);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            System.out.printf("storing %d bytes allocated %d bytes on the heap%n", SIZE, allocated);
            assertThat(allocated).as("heap allocated while storing: less than one copy of the file").isLessThan(SIZE / 2);
            assertThat(contents.store(sha256, SIZE, "application/octet-stream", () -> Files.newInputStream(file), null))
                    .as("stored once").isEqualTo(DocumentContents.State.STORED);

            MessageDigest read = MessageDigest.getInstance("SHA-256");
            int[] largestWrite = {0};
            OutputStream out = new OutputStream() {
                @Override
                public void write(int b) {
                    read.update((byte) b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    largestWrite[0] = Math.max(largestWrite[0], len);
                    read.update(b, off, len);
                }
            };
            assertThat(contents.writeTo(sha256, out)).isTrue();
            assertThat(HexFormat.of().formatHex(read.digest())).isEqualTo(sha256);
            assertThat(largestWrite[0]).as("read a slice at a time").isEqualTo(PostgresDocumentContents.SLICE);
            assertThat(contents.writeTo("0".repeat(64), new ByteArrayOutputStream())).isFalse();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
