package io.watchfloor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node keeps its name across restarts: the one configured, else the one it made on its first start. */
class NodeIdTest {
    @Test
    void madeOnTheFirstStartAndKeptInTheDataFolder(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "dataDir: " + dir.resolve("var") + "\n");
        String first = NodeId.of(new ConfigLoader().read(f));
        assertThat(first).matches("[A-Za-z0-9._-]+-[0-9a-f]{8}");
        assertThat(NodeId.of(new ConfigLoader().read(f))).as("after a restart").isEqualTo(first);
        assertThat(Files.readString(dir.resolve("var/node-id")).strip()).isEqualTo(first);

        Files.writeString(f, "dataDir: " + dir.resolve("var") + "\ncluster:\n  nodeId: db-node-2\n");
        assertThat(NodeId.of(new ConfigLoader().read(f))).isEqualTo("db-node-2");
    }

    @Test
    void aNodeIdThatCannotBeOneIsRefusedWithItsKeyAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "cluster:\n  nodeId: \"node one\"\n");
        assertThatThrownBy(() -> new ConfigLoader().read(f))
                .hasMessageContaining(f + ":2: key 'cluster.nodeId': 'node one' is not 1 to 100 letters");
    }
}
