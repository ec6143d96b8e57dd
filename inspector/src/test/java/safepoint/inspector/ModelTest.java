package safepoint.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

/** The model alone: keys move focus and selection, type filters, toggle help and backtraces, quit. */
class ModelTest {
    static KeyStroke key(KeyType t) {
        return new KeyStroke(t);
    }

    static KeyStroke ch(char c) {
        return new KeyStroke(c, false, false);
    }

    @Test
    void tabAndArrowsMoveTheFocusRoundThePanes() {
        Model m = new Model();
        assertEquals(Pane.PROCESSORS, m.focus());
        m.key(key(KeyType.Tab));
        assertEquals(Pane.THREADS, m.focus());
        m.key(key(KeyType.ArrowRight));
        assertEquals(Pane.LOCKS, m.focus());
        m.key(key(KeyType.ReverseTab));
        m.key(key(KeyType.ArrowLeft));
        m.key(key(KeyType.ArrowLeft));
        assertEquals(Pane.PROBLEMS, m.focus(), "wraps round");
        m.key(ch('2'));
        assertEquals(Pane.THREADS, m.focus());
    }

    @Test
    void slashTypesAFilterThatEnterKeepsAndEscapeClears() {
        Model m = new Model();
        m.focus(Pane.THREADS);
        m.key(ch('/'));
        assertTrue(m.editingFilter());
        for (char c : "wq".toCharArray()) assertEquals(Model.Action.REDRAW, m.key(ch(c)), "q is a letter while typing");
        m.key(key(KeyType.Backspace));
        assertEquals("w", m.filter(Pane.THREADS));
        m.key(key(KeyType.Enter));
        assertFalse(m.editingFilter());
        assertEquals("w", m.filter(Pane.THREADS));
        assertEquals("", m.filter(Pane.EVENTS), "each pane has its own filter");
        m.key(key(KeyType.Escape));
        assertEquals("", m.filter(Pane.THREADS));
    }

    @Test
    void selectionStaysInsideTheRowsAndTheWindowFollowsIt() {
        Model m = new Model();
        m.focus(Pane.THREADS);
        assertEquals(0, m.window(Pane.THREADS, 100, 10));
        for (int i = 0; i < 15; i++) m.key(key(KeyType.ArrowDown));
        assertEquals(6, m.window(Pane.THREADS, 100, 10), "row 15 is the last of the window");
        m.key(key(KeyType.PageDown));
        assertEquals(25, m.selected(Pane.THREADS));
        m.key(key(KeyType.End));
        assertEquals(90, m.window(Pane.THREADS, 100, 10));
        assertEquals(99, m.selected(Pane.THREADS));
        assertEquals(0, m.window(Pane.THREADS, 3, 10), "fewer rows than the window: no scroll");
        assertEquals(2, m.selected(Pane.THREADS));
    }

    @Test
    void enterShowsTheBacktraceHelpOpensAndQQuits() {
        Model m = new Model();
        m.key(key(KeyType.Enter));
        assertFalse(m.backtrace(), "only on the threads pane");
        m.focus(Pane.THREADS);
        m.key(key(KeyType.Enter));
        assertTrue(m.backtrace());
        m.key(key(KeyType.Escape));
        assertFalse(m.backtrace());
        m.key(ch('?'));
        assertTrue(m.help());
        assertEquals(Model.Action.REDRAW, m.key(ch('q')), "q closes help first");
        assertFalse(m.help());
        m.key(ch('s'));
        assertEquals(Model.Sort.NAME, m.sort());
        assertEquals(Model.Action.QUIT, m.key(ch('q')));
    }
}
