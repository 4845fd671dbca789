package org.liifviewer.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class DesktopLauncherTest {

    @Test
    void noArgumentsOpenTheViewer() {
        assertArrayEquals(new String[] {"view"}, DesktopLauncher.withDefaultCommand());
    }

    @Test
    void viewOptionsAndFilesGoToTheViewer() {
        assertArrayEquals(new String[] {"view", "--smoke-test", "a.png"},
                DesktopLauncher.withDefaultCommand("--smoke-test", "a.png"));
        assertArrayEquals(new String[] {"view", "/home/me/a b.png"}, DesktopLauncher.withDefaultCommand("/home/me/a b.png"));
    }

    @Test
    void commandsAndTopLevelOptionsPassThrough() {
        String[][] unchanged = {{"view", "a.png"}, {"upscale", "in.png", "out.png"}, {"info"}, {"help"}, {"--help"},
                {"-V"}, {"--version"}};
        for (String[] args : unchanged) {
            assertArrayEquals(args, DesktopLauncher.withDefaultCommand(args));
        }
    }
}
