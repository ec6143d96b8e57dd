package safepoint.vm;

import safepoint.vm.smp.ConsoleReads;
import safepoint.vm.prims.FilePrims;
import safepoint.vm.data.Values;
import safepoint.vm.data.MonitorOrder;
import safepoint.vm.smp.Barrier;
import safepoint.vm.smp.SThreadGroup;
import safepoint.vm.smp.Names;
import safepoint.vm.analysis.Analysis;
import safepoint.vm.analysis.ExplanationText;
import safepoint.vm.analysis.Failure;
import safepoint.vm.analysis.HappensBefore;
import safepoint.vm.analysis.LockOrder;
import safepoint.vm.analysis.WaitForGraph;
import safepoint.vm.analysis.Warning;
import safepoint.vm.analysis.WarningText;
import safepoint.vm.event.Events;
import safepoint.vm.event.Ref;
import safepoint.vm.event.What;
import safepoint.vm.gc.Heap;
import safepoint.vm.gc.Roots;
import safepoint.vm.interp.Builtins;
import safepoint.vm.interp.ControlPrim;
import safepoint.vm.interp.Owner;
import safepoint.vm.interp.World;
import safepoint.vm.interp.ControlPrims;
import safepoint.vm.interp.ExpansionTime;
import safepoint.vm.interp.LoadFrame;
import safepoint.vm.interp.Global;
import safepoint.vm.interp.Interp;
import safepoint.vm.interp.SliceEnd;
import safepoint.vm.interp.Node;
import safepoint.vm.interp.Parameter;
import safepoint.vm.interp.Where;
import safepoint.vm.interp.Stop;
import safepoint.vm.lang.Compiler;
import safepoint.vm.lang.CoreForms;
import safepoint.vm.lang.DerivedForms;
import safepoint.vm.lang.GerbilForms;
import safepoint.vm.lang.HashTables;
import safepoint.vm.lang.LanguageHost;
import safepoint.vm.lang.Macro;
import safepoint.vm.lang.MatchForms;
import safepoint.vm.lang.Modules;
import safepoint.vm.lang.Namespace;
import safepoint.vm.lang.ObjectForms;
import safepoint.vm.lang.Renamed;
import safepoint.vm.lang.SpecialForm;
import safepoint.vm.lang.SyntaxCase;
import safepoint.vm.lang.SystemClasses;
import safepoint.vm.observe.MachineView;
import safepoint.vm.observe.Observatory;
import safepoint.vm.run.Controller;
import safepoint.vm.run.FreeRun;
import safepoint.vm.run.Pct;
import safepoint.vm.run.Outcome;
import safepoint.vm.run.RunHost;
import safepoint.vm.run.RunReport;
import safepoint.vm.run.RunSettings;
import safepoint.vm.run.Strategy;
import safepoint.vm.smp.SThread;
import safepoint.vm.smp.Scheduler;
import safepoint.vm.smp.Spinlocks;
import safepoint.vm.smp.ThreadHost;
import safepoint.vm.smp.ThreadPrims;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import safepoint.vm.data.Condition;
import safepoint.vm.data.InputPort;
import safepoint.vm.data.OutputPort;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.SourceMap;
import safepoint.vm.data.Special;
import safepoint.vm.data.Src;
import safepoint.vm.data.Symbol;
import safepoint.vm.data.Serials;
import safepoint.vm.print.ErrorText;
import safepoint.vm.print.Printer;
import safepoint.vm.prims.CharStringPrims;
import safepoint.vm.prims.ListPrims;
import safepoint.vm.prims.MiscPrims;
import safepoint.vm.prims.NumberPrims;
import safepoint.vm.prims.PortPrims;
import safepoint.vm.prims.TablePrims;
import safepoint.vm.prims.VectorPrims;
import safepoint.vm.read.Reader;

/**
 * One Safepoint VM: its global environment, what it numbers (serial numbers, gensyms), its random generator,
 * and the entry points that read, compile and run programs. Many machines can live in one JVM;
 * nothing here is static.
 */
public final class Machine implements Builtins, LanguageHost, Roots, RunHost, ThreadHost, World {
    /** Serial numbers, eq-hashes and gensyms: what this VM numbers. */
    public final Serials serials;
    /** The program's random generator ({@code random-integer}, table seeds), seeded by the run. */
    public java.util.SplittableRandom random;
    /** The console: the ports a program's current-output/error/input start as. */
    private OutputPort stdout;
    private OutputPort stderr;
    private final InputPort stdin;
    public final SourceMap sources = new SourceMap();
    // Presized: a VM defines about 1,500 builtins, and explore builds a VM per run.
    private final ConcurrentHashMap<Symbol, Global> globals = new ConcurrentHashMap<>(4096);
    private final ConcurrentHashMap<Symbol, Object> syntax = new ConcurrentHashMap<>(512);
    public final Parameter currentOutput;
    public final Parameter currentInput;
    public final Parameter currentError;
    /** Set by {@code exit}. */
    public Integer exitCode;
    private volatile boolean interruptRequested;

    /** {@code in} is the console's source; null when the host feeds the console (the interactive REPL). */
    public Machine(Writer out, Writer err, java.io.Reader in, long seed) {
        serials = new Serials();
        random = new java.util.SplittableRandom(seed);
        stdout = OutputPort.of(out, "stdout");
        stderr = OutputPort.of(err, "stderr");
        stdin = InputPort.of(in, "stdin");
        stdin.console().onInput(input::arrived);
        currentOutput = new Parameter(stdout, null);
        currentInput = new Parameter(stdin, null);
        currentError = new Parameter(stderr, null);
        serials.globalNames = this::globalNameOf;
        primordial = new SThread(Symbol.of("primordial"), new Interp(this));
        primordial.index = 1;
        serials.serialOne(primordial);
        SThreadGroup.primordial(primordial);
        tableHost = new HashTables.Host(this, heap::charge, () -> heap.epoch, tableWords);
        scheduler.vm = this;
        for (SpecialForm f : CoreForms.ALL) syntax.put(Symbol.of(f.name()), f);
        for (SpecialForm f : DerivedForms.ALL) syntax.put(Symbol.of(f.name()), f);
        for (SpecialForm f : GerbilForms.ALL) syntax.put(Symbol.of(f.name()), f);
        for (SpecialForm f : Modules.ALL) syntax.put(Symbol.of(f.name()), f);
        for (SpecialForm f : ObjectForms.ALL) syntax.put(Symbol.of(f.name()), f);
        for (SpecialForm f : MatchForms.ALL) syntax.put(Symbol.of(f.name()), f);
        for (SpecialForm f : SyntaxCase.ALL) syntax.put(Symbol.of(f.name()), f);
        syntax.put(Symbol.of("def"), CoreForms.DEFINE);
        NumberPrims.install(this);
        ListPrims.install(this);
        CharStringPrims.install(this);
        VectorPrims.install(this);
        safepoint.vm.prims.BytesPrims.install(this);
        safepoint.vm.prims.RegexpPrims.install(this);
        PortPrims.install(this);
        TablePrims.install(this);
        MiscPrims.install(this);
        safepoint.vm.prims.FilePrims.install(this);
        ControlPrims.install(this);
        Modules.installEval(this);
        for (ControlPrim p : safepoint.vm.interp.Debugging.primitives()) add(p);
        ThreadPrims.install(this);
        ConsoleReads.install(this);
        Spinlocks.install(this);
        classes = ObjectForms.install(this);
        HashTables.install(this);
        SyntaxCase.install(this);
        define("current-output-port", currentOutput);
        define("current-input-port", currentInput);
        define("current-error-port", currentError);
        for (String n : new String[] {"cons", "list", "append", "list->vector", "memv"}) {
            if (globals.containsKey(Symbol.of(n))) alias("##" + n, n);
        }
        loadPrelude();
    }

    /** The console's input, which the REPL reads its lines from and a program's reads share. */
    public safepoint.vm.data.ConsoleInput console() {
        return stdin.console();
    }

    // ---- environment -----------------------------------------------------------------------------

    @Override
    public Global global(Symbol name) {
        Global g = globals.get(name);
        return g != null ? g : globals.computeIfAbsent(name, Global::new);
    }

    @Override
    public Object syntax(Symbol name) {
        return syntax.get(name);
    }

    /** The green threads of this VM and the queues of its processors. */
    public final Scheduler scheduler = new Scheduler();
    /** The threads that wait for console input, and the input's arrival. */
    public final ConsoleReads input = new ConsoleReads(this);
    /** Threads made so far (the primordial thread is 1). */
    public int threadsCreated = 1;

    /** The thread that runs programs and REPL input: #<thread #1 primordial>. */
    public final SThread primordial;

    /** Match macros (defsyntax-for-match) by name. */
    public final java.util.Map<Symbol, Macro> matchMacros = new java.util.concurrent.ConcurrentHashMap<>();

    /** Gerbil's system classes of this VM (t, object, pair, fixnum, ...). */
    public SystemClasses classes;

    /** Hashing and tests for Gerbil's hash tables. */
    public final HashTables.Host tableHost;
    /** The table policies' lock words: spinlocks (smp), handed to the tables' host below it. */
    public final HashTables.LockWords tableWords = new safepoint.vm.smp.Spinlocks.TableWords(this);

    /**
     * The renaming of the procedural macro expansion in progress (syntax templates use it): a
     * parameter bound on the thread that runs the transformer, so each expansion has its own.
     */
    public final Parameter expansionRenames = new Parameter(null, null);

    /**
     * Expand a use of a procedural macro: run its transformer on the form (phase 1, while
     * compiling). An error in the transformer is a syntax error of the use.
     */
    @Override
    public Object expandWith(Macro macro, Pair form) {
        Object transformer = macro.transformer;
        Node apply = new Node() {
            @Override
            public void exec(Interp m) {
                m.bindParameter(expansionRenames, new java.util.IdentityHashMap<Object, Renamed>());
                m.apply(transformer, new Object[] {form});
            }
        };
        try {
            return atExpansionTime(apply);
        } catch (SchemeError e) {
            // Report the error at the macro's use.
            e.where = new Where(null, sources.get(form));
            throw e;
        }
    }

    /** Evaluate a transformer expression at compile time. */
    @Override
    public Object evalNested(Node code) {
        return atExpansionTime(code);
    }

    /**
     * Run code at expansion time, in one of two ways (see ExpansionTime):
     * <ul>
     *   <li>on a compile thread, the compile was asked for by a running green thread (eval, load,
     *       the imports they meet): the code runs as that thread, on its own continuation, polling,
     *       at the GC barrier and under the controller like any of its code;
     *   <li>anywhere else the host compiles before any green thread runs ({@link #prepare}, REPL
     *       input through {@link #eval(Object, String)}): nothing else runs, and the code runs here
     *       in a nested loop as the primordial thread, which cannot wait.
     * </ul>
     */
    private Object atExpansionTime(Node code) {
        if (ExpansionTime.onCompileThread()) return ExpansionTime.call(code);
        Interp m = new Interp(this);
        m.start(code, null);
        m.thread = primordial;
        SThread.State before = primordial.state;
        // Expansion-time code here does not join a GC barrier (a slice ending at a safepoint just
        // goes on): the world is stopped for the host, and the GC waits for the run.
        for (SliceEnd end; (end = m.run(FreeRun.SLICE)) != SliceEnd.HALTED; ) {
            if (end == SliceEnd.BLOCKED) {
                synchronized (scheduler) { // undo the wait it began
                    if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, scheduler);
                    Scheduler.leaveWaiters(primordial);
                    scheduler.waiting.remove(primordial);
                    primordial.state = before;
                    primordial.waitingOn = null;
                }
                throw Condition.raise("A thread cannot wait while expanding macros or loading a module at compile time (expand through eval in a running thread to let it wait)");
            }
            if (takeInterrupt()) m.raiseFlag(Interp.INTR_USER);
            long d = deadline;
            if (d != 0 && System.nanoTime() - d > 0) throw Condition.raise("Timeout while expanding a macro");
        }
        if (m.uncaught != null) {
            SchemeError e = new SchemeError(m.uncaught);
            e.where = m.uncaughtWhere;
            throw e;
        }
        return m.val;
    }

    /** Modules loaded (or being loaded) by id. */
    public final java.util.Map<String, Modules.Module> modules = new java.util.concurrent.ConcurrentHashMap<>();
    /** Ids of modules whose loading is in progress, to report circular imports. */
    public final java.util.Set<String> loading = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());

    /** The VM's top-level namespace: the REPL's and programs'. */
    public final Namespace top = new Namespace(this, null);

    @Override
    public void defineSyntaxBinding(Symbol name, Object m) {
        syntax.put(name, m);
    }

    /**
     * A top-level definition replaces a macro or a Gerbil form of the same name (a program may
     * define its own {@code cut} or {@code while}); the R7RS core and derived forms stay, since
     * every derived form's expansion relies on them.
     */
    @Override
    public void dropSyntax(Symbol name) {
        Object s = syntax.get(name);
        if (s instanceof Macro) {
            syntax.remove(name);
        } else if (s instanceof SpecialForm f) {
            for (SpecialForm g : GerbilForms.ALL) if (g == f) syntax.remove(name);
        }
    }

    @Override
    public void bindGlobal(Symbol name, Global cell) {
        globals.put(name, cell);
    }

    @Override
    public void add(Primitive p) {
        define(p.name, p);
    }

    @Override
    public void add(ControlPrim p) {
        define(p.name, p);
    }

    @Override
    public void alias(String name, String existing) {
        define(name, global(Symbol.of(existing)).value);
    }

    @Override
    public void define(String name, Object value) {
        global(Symbol.of(name)).value = value;
    }

    /** What {@code (command-line)} answers from now on: the program and its arguments. */
    public void commandLine(java.util.List<String> words) {
        define("command-line", safepoint.vm.prims.ProcessPrims.commandLine(words));
    }

    /** The name of a top-level variable whose value is {@code value}, or null. */
    String globalNameOf(Object value) {
        for (java.util.Map.Entry<Symbol, Global> e : globals.entrySet()) {
            if (e.getValue().value == value && e.getValue().name == e.getKey()) return e.getKey().name;
        }
        return null;
    }

    /** The names of the bound globals, sorted (the REPL completes them). */
    public List<String> globalNames() {
        List<String> names = new ArrayList<>();
        for (Global g : globals.values()) if (g.value != Special.UNBOUND) names.add(g.name.name);
        java.util.Collections.sort(names);
        return names;
    }

    /** The names of the special forms and macros of the top level, sorted. */
    public List<String> syntaxNames() {
        List<String> names = new ArrayList<>();
        for (Symbol s : syntax.keySet()) names.add(s.name);
        java.util.Collections.sort(names);
        return names;
    }

    /** Every global cell (GC roots, in a fixed order: by name). */
    @Override
    public List<Global> globalCells() {
        List<Global> cells = new ArrayList<>(globals.values());
        cells.sort((a, b) -> a.name.name.compareTo(b.name.name));
        return cells;
    }

    /** The collector's roots: the globals' values by name, then the primordial, runnable and waiting threads. */
    @Override
    public void forEachRoot(java.util.function.Consumer<Object> visit) {
        for (Global g : globalCells()) visit.accept(g.value);
        visit.accept(primordial);
        for (SThread t : scheduler.runnable()) visit.accept(t);
        for (SThread t : scheduler.waiting) visit.accept(t);
        for (Stop s : levels) s.forEachRoot(visit);
        for (SThread t : scheduler.stopped) visit.accept(t);
    }

    /** The event stream (docs/events.md). */
    public final Events events = new Events();

    /** Whether events are kept: emit sites build their records only then (docs/events.md). */
    @Override
    public boolean observing() {
        return events.on();
    }

    /** Emit an event on the processor now running {@code t} (P0 when none). */
    @Override
    public void event(Owner o, What what) {
        SThread t = SThread.of(o);
        events.emit(t == null || t.onProcessor < 0 ? 0 : t.onProcessor, what);
    }

    /** How events name {@code t}, for code below the threads' package. */
    @Override
    public Ref.ThreadRef threadRef(Owner t) {
        return Names.ref(events, SThread.of(t));
    }

    /** The simulated heap and its collector. */
    /** The GC barrier: pending collection, requester, arrivals (smp.Barrier). */
    public final Barrier barrier = new Barrier(scheduler, this::processors, events, this::threadRef, this::clock, () -> this.heap);
    public final Heap heap = new Heap(this, barrier, events, this::clock); // pauses in the machine's time: virtual when controlled

    /** The value of a global, or null when unbound (for tests and tools). */
    @Override
    public Object lookup(String name) {
        Object v = global(Symbol.of(name)).value;
        return v == Special.UNBOUND ? null : v;
    }

    private void loadPrelude() {
        try (InputStream in = Machine.class.getResourceAsStream("/safepoint/vm/prelude.scm")) {
            if (in == null) return;
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            loadingPrelude = true; // builtins the prelude defines are not the user's: keep them inlinable
            Outcome o = load(text, "prelude.scm");
            if (o.status() != Outcome.Status.VALUE) throw new IllegalStateException("prelude failed: " + o.errorText());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            loadingPrelude = false;
        }
    }

    public boolean loadingPrelude;

    // ---- reading ---------------------------------------------------------------------------------

    /**
     * Read every datum of {@code text}, skipping a script line first; a read error throws
     * SchemeError (where = its Src).
     */
    @Override
    public List<Object> readAll(String text, String file) {
        return readAll(text, file, 1);
    }

    /** As {@link #readAll(String, String)}, numbering lines from {@code firstLine}. */
    public List<Object> readAll(String text, String file, int firstLine) {
        if (firstLine == 1 && (text.startsWith("#!/") || text.startsWith("#! "))) {
            // A script line (#!/usr/bin/env gxi): Gambit's loader skips a first line that
            // starts with #!; only these two spellings, so #!eof and friends still read as data.
            int nl = text.indexOf('\n');
            text = nl < 0 ? "" : text.substring(nl + 1);
            firstLine = 2;
        }
        InputPort port = InputPort.ofString(text);
        port.startAtLine(firstLine);
        Reader r = new Reader(port, file, sources);
        List<Object> out = new ArrayList<>();
        for (;;) {
            Object d = r.read();
            if (d == Special.EOF && r.atEnd()) return out;
            out.add(d);
        }
    }

    // ---- running ---------------------------------------------------------------------------------

    /** Wall-clock deadline (System.nanoTime) for runs, or 0 for none. */
    public volatile long deadline;

    /**
     * Who takes Ctrl-C instead of the running computation, or null: the paused world
     * (search/Paused), whose primordial thread waits at the prompt, ends a ,run with it.
     */
    public volatile Runnable onInterrupt;

    /** Ask the running computation to stop with a "User interrupt" error at its next poll. */
    public void interrupt() {
        Runnable taker = onInterrupt;
        if (taker != null) {
            taker.run();
            return;
        }
        synchronized (this) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.MACHINE, this);
            interruptRequested = true;
        }
        primordial.interp.raiseFlag(Interp.INTR_USER);
        // A primordial thread that waits (a join, a mutex, a message) never polls: end its wait.
        // Controlled mode holds the scheduler's monitor for the whole run: its controller ends
        // the wait between two slices instead (see interruptWaitingPrimordial).
        if (control != null) {
            interruptWait = true;
            return;
        }
        synchronized (scheduler) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, scheduler);
            interruptWaitingPrimordial();
        }
    }

    /** Ctrl-C arrived while the controller held the scheduler: end the primordial thread's wait at the next choice. */
    public volatile boolean interruptWait;

    /** Under the scheduler's monitor: a waiting primordial thread gets "User interrupt". */
    @Override
    public void interruptWaitingPrimordial() {
        interruptWait = false;
        if (primordial.state == SThread.State.WAITING) {
            Scheduler.leaveWaiters(primordial);
            scheduler.wakeWithRaise(primordial, new Condition(Condition.Kind.OTHER, "User interrupt", List.of(), null, List.of(), 0),
                    What.Cause.INTERRUPT);
        }
    }

    /**
     * Load a program the way gsi loads a file: read it all first (a read error runs nothing),
     * mark the names it defines as user definitions, compile it all (a syntax error runs
     * nothing; macros and imports take effect in order, at compile time), then run each
     * top-level form in order, stopping at the first uncaught error.
     */
    public Outcome load(String text, String file) {
        return run(prepare(text, file));
    }

    /** A program read and compiled, ready to run (and to run again after {@link #rewind}). */
    public static final class Prepared {
        final Node[] code;
        final Object[] forms;
        final Outcome failed;

        Prepared(Node[] code, Object[] forms, Outcome failed) {
            this.code = code;
            this.forms = forms;
            this.failed = failed;
        }
    }

    /** Read and compile a program: the first half of {@link #load}. */
    public Prepared prepare(String text, String file) {
        List<Object> forms;
        try {
            forms = readAll(text, file);
        } catch (SchemeError e) {
            return new Prepared(null, null, errorOutcome(e.payload, Where.of(e.where)));
        }
        markDefinitions(forms);
        if (forms.isEmpty()) return new Prepared(new Node[0], new Object[0], null);
        try {
            return new Prepared(new Compiler(this, file).compileAll(forms.toArray()), forms.toArray(), null);
        } catch (SchemeError e) {
            return new Prepared(null, null, errorOutcome(e.payload, Where.of(e.where)));
        } catch (StackOverflowError e) {
            return new Prepared(null, null, errorOutcome(Condition.error("Expression nested too deeply to compile", List.of()), null));
        }
    }

    /** Run a prepared program: the second half of {@link #load}. */
    public Outcome run(Prepared p) {
        if (p.failed != null) return p.failed;
        if (p.code.length == 0) return new Outcome(Outcome.Status.VALUE, Special.VOID, null, 0);
        // One computation for the whole file: the continuation of each top-level form is "run
        // the rest", so a continuation captured in one form and re-entered from a later one
        // goes on with the forms after it, as in gsi.
        Interp m = new Interp(this);
        Node[] code = p.code;
        Object[] all = p.forms;
        m.start(new Node() {
            @Override
            public void exec(Interp mm) {
                LoadFrame.next(mm, code, all, 0, sources);
            }
        }, null);
        return drive(m);
    }

    /** What a rewind must keep besides the machine itself: the prepared program's code and forms. */
    public Object[] roots(Prepared p) {
        return new Object[] {p.code, p.forms};
    }

    /** Before a rewind: the threads of the last run are dropped, mid-expansion or not. */
    public void abandonRun() {
        ExpansionTime.abandonAll(this);
    }

    /** After a rewind (search/Checkpoint): fresh ports and a generator seeded with {@code seed}. */
    public void freshConsole(Writer out, Writer err, long seed) {
        random = new java.util.SplittableRandom(seed);
        stdout = OutputPort.of(out, "stdout");
        stderr = OutputPort.of(err, "stderr");
        currentOutput.global = stdout;
        currentError.global = stderr;
    }

    /** Run compiled top-level forms at expansion time (a module's body, at import time). */
    @Override
    public void runAllNested(Node[] code, Object[] forms) {
        atExpansionTime(new Node() {
            @Override
            public void exec(Interp mm) {
                LoadFrame.next(mm, code, forms, 0, sources);
            }
        });
    }

    /** Evaluate one datum at top level (the REPL and -e). */
    public Outcome eval(Object form, String file) {
        return eval(new Compiler(this, file), form);
    }

    private Outcome eval(Compiler c, Object form) {
        Node code;
        try {
            code = c.compileTop(form);
        } catch (SchemeError e) {
            return errorOutcome(e.payload, Where.of(e.where));
        } catch (StackOverflowError e) {
            return errorOutcome(Condition.error("Expression nested too deeply to compile", List.of()), null);
        }
        return run(code);
    }

    private Outcome run(Node code) {
        Interp m = new Interp(this);
        m.start(code, null);
        return drive(m);
    }

    // ---- debugger levels -------------------------------------------------------------------------

    /**
     * The stops that open debugger levels keep their registers alive: the collector's roots while
     * the REPL holds them (it adds a level's stop here and removes it when the level closes).
     */
    public final List<Stop> levels = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Evaluate {@code form} at a debugger level: in frame {@code frame} of {@code stop}, seeing
     * that frame's variables, with the stopped computation's parameters and handlers, as the
     * primordial thread. A frame with no environment (a primitive's) evaluates at top level.
     */
    public Outcome evalAt(Stop stop, int frame, Object form, String file) {
        Stop.At at = stop.frames.get(frame);
        Compiler c = new Compiler(this, file);
        Node code;
        try {
            code = c.compileAt(form, at.env() == null || at.where() == null ? null : at.where().locals());
        } catch (SchemeError e) {
            return errorOutcome(e.payload, Where.of(e.where));
        } catch (StackOverflowError e) {
            return errorOutcome(Condition.error("Expression nested too deeply to compile", List.of()), null);
        }
        Interp m = new Interp(this);
        stop.evalIn(m, code, at);
        return drive(m);
    }

    /** Continue {@code stop}: {@code value} is the value of frame {@code frame}'s call (Gambit's {@code ,(c X)}). */
    public Outcome resume(Stop stop, int frame, Object value) {
        return resume(stop, stop.frames.get(frame), value, safepoint.vm.interp.Debugging.Step.NONE);
    }

    /** {@link #resume} at one of {@code stop}'s frames, stepping as {@code step} says (gsi's {@code ,s} and {@code ,l}). */
    public Outcome resume(Stop stop, Stop.At at, Object value, safepoint.vm.interp.Debugging.Step step) {
        Interp m = new Interp(this);
        stop.resume(m, at, value);
        safepoint.vm.interp.Debugging.stepFrom(m, step);
        return drive(m);
    }

    /**
     * The computation of {@code thread} (a value typed at {@code ,(v X)}), when it ended with an
     * uncaught error: its registers are kept as they were, so a level can visit it; in a
     * controlled run (the paused world), a live thread's registers between two steps
     * ({@link Stop#live}); null for a thread that runs freely or ended normally, and for any
     * other value.
     */
    /** The live thread with creation number {@code n} (as views number threads), or null. */
    public Object threadNumbered(long n) {
        return atRest(procs -> numbered(n, procs));
    }

    private SThread numbered(long n, WaitForGraph.ProcessorState[] procs) {
        for (SThread t : WaitForGraph.of(this, procs).threads()) if (t.index == n) return t;
        return null;
    }

    /** The creation number of {@code value} when it is a thread (as views number threads), else -1. */
    public long threadNumberOf(Object value) {
        return value instanceof SThread t ? t.index : -1;
    }

    public Stop stopOf(Object thread) {
        if (!(thread instanceof SThread t) || t == primordial) return null;
        Controller c = control;
        if (c != null && t.state != SThread.State.TERMINATED && t.interp != null) {
            // The paused world (or any controlled run) between two steps: a live thread can be looked at.
            Stop live = c.between(() -> t.state == SThread.State.TERMINATED || t.interp == null ? null : Stop.live(t.interp));
            if (live != null) return live;
        }
        synchronized (scheduler) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, scheduler);
            if (t.state != SThread.State.TERMINATED || t.exception == null || t.interp == null) return null;
            return Stop.of(t.interp);
        }
    }

    /** The call frame {@code frame} of {@code stop} waits in, as written (a datum), or null when unknown. */
    public Object callOf(Stop stop, int frame) {
        Where w = stop.frames.get(frame).where();
        return w == null || w.form() == null ? null : Compiler.strip(w.form());
    }

    /** {@code procedure}'s source, {@code (lambda (x) ...)}, pretty-printed as gsi's {@code ,i} shows it; null for a primitive. */
    public String sourceOf(Object procedure) {
        Object source = safepoint.vm.interp.Debugging.source(procedure);
        return source == null ? null : safepoint.vm.print.PrettyPrinter.pp(Compiler.strip(source), serials);
    }

    /** A variable of a stopped frame, as a level's {@code ,e} lists it: innermost frame first. */
    public record Variable(String name, Object value) {}

    /** The variables in scope in frame {@code frame} of {@code stop}, innermost first; none at top level. */
    public List<Variable> variables(Stop stop, int frame) {
        Stop.At at = stop.frames.get(frame);
        List<Variable> vars = new ArrayList<>();
        Object[] env = at.env();
        for (safepoint.vm.interp.Locals l = at.where() == null ? null : at.where().locals(); l != null && env != null; l = l.parent()) {
            Object[] ids = l.ids();
            for (int i = 0; i < ids.length && i + 1 < env.length; i++) {
                if (env[i + 1] == null) continue; // an internal definition not yet made (a stop at the body's entry)
                vars.add(new Variable(safepoint.vm.lang.Renamed.base(ids[i]).name, env[i + 1]));
            }
            env = env.length > 0 && env[0] instanceof Object[] up ? up : null;
        }
        return vars;
    }

    /** Apply a procedure to arguments at top level (used by tests and tools). */
    public Outcome call(Object f, Object... args) {
        Interp m = new Interp(this);
        m.startApply(f, args);
        return drive(m);
    }

    /**
     * Run {@code m} as the primordial thread, with the other green threads, until it ends, as
     * the settings say (read once, here): free run or controlled mode.
     */
    private Outcome drive(Interp m) {
        return drive(m, false);
    }

    /** {@code atPrompt}: the primordial thread starts out waiting at the prompt (see runAtPrompt), not ready to run. */
    private Outcome drive(Interp m, boolean atPrompt) {
        stopBackground();
        RunSettings s = settings;
        interruptRequested = false;
        deadlockReport = null;
        exitCode = null;
        synchronized (scheduler) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, scheduler);
            primordial.interp = m;
            m.thread = primordial;
            primordial.state = SThread.State.RUNNABLE;
            primordial.waitingOn = null;
            primordial.onProcessor = -1;
            scheduler.ready.remove(primordial);
            if (atPrompt) {
                m.pc = AT_PROMPT;
                m.block(stdin, -1, null);
                scheduler.parked(primordial);
            } else {
                scheduler.ready.addFirst(primordial);
            }
        }
        Outcome stopped;
        RunReport report = RunReport.NONE;
        if (s.controlled()) {
            if (races == null) races = new HappensBefore(this::locationName);
            Controller c = new Controller(this, s.processors(), Strategy.of(s.control()), s.control().maxSteps());
            synchronized (runGate) { // a reader that found no run has finished its idle look (see look)
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.RUN_GATE, runGate);
                control = c;
            }
            try {
                stopped = control.go();
            } finally {
                report = control.report();
                control = null;
            }
        } else {
            freeRun = new FreeRun(this, s.processors());
            try {
                stopped = freeRun.go();
            } finally {
                freeRun = null;
            }
        }
        ExpansionTime.abandon(m); // these registers never run again (the next evaluation gets its own)
        List<Warning> warnings = warn();
        return withThreadErrors(ended(m, stopped)).finished(warnings, report);
    }

    /**
     * Every uncaught error of a thread nobody joined is a failure of the run (DESIGN.md), and is
     * reported first, before what ended the run: a deadlock or a hang that follows is often its
     * consequence (the thread that died would have signalled, or unlocked). A run that ended with
     * a value ends with the first of them instead. An exit is the program's own choice: left alone.
     */
    private Outcome withThreadErrors(Outcome o) {
        if (o.status() == Outcome.Status.EXIT) return o;
        StringBuilder sb = new StringBuilder();
        Outcome first = null;
        for (;;) {
            SThread t;
            synchronized (scheduler) { // taken one at a time: a thread's report may name another's error (and so report it)
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, scheduler);
                if (scheduler.unjoinedFailures.isEmpty()) break;
                t = scheduler.unjoinedFailures.remove(0);
                scheduler.stopped.add(t); // reported now; still listed, and visited with ,(v T), until joined
            }
            Outcome e = errorOutcome(t.exception, t.interp.uncaughtWhere);
            if (first == null) first = e;
            if (sb.length() > 0) sb.append("\n\n");
            sb.append(e.errorText()).append("\n(in ").append(Names.name(t)).append(", never joined)");
        }
        if (first == null) return o;
        if (o.status() == Outcome.Status.VALUE) return new Outcome(Outcome.Status.ERROR, first.value(), sb.toString(), 1, first.failure(), List.of(), null);
        String rest = o.errorText() == null ? "" : "\n\n" + o.errorText();
        return new Outcome(o.status(), o.value(), sb + rest, o.exitCode(), o.failure(), o.warnings(), o.view(), o.report(), o.stop());
    }

    /** A thread that ended with an uncaught error nobody joined, and gsi's report of it. */
    public record ThreadFailure(Object thread, String name, String errorText) {}

    /**
     * The threads that failed since the last call (or the last report), for the REPL to announce
     * while the prompt waits: they leave the run's failures (so they are not reported again after
     * the next evaluation) and stay listed as stopped until joined, so {@code ,(v T)} visits them.
     */
    public List<ThreadFailure> takeThreadFailures() {
        List<SThread> failed;
        synchronized (scheduler) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, scheduler);
            if (scheduler.unjoinedFailures.isEmpty()) return List.of();
            failed = new ArrayList<>(scheduler.unjoinedFailures);
            scheduler.unjoinedFailures.clear();
            scheduler.stopped.addAll(failed);
        }
        List<ThreadFailure> out = new ArrayList<>();
        for (SThread t : failed) out.add(new ThreadFailure(t, Names.name(t), errorOutcome(t.exception, t.interp.uncaughtWhere).errorText()));
        return out;
    }

    /** How the run of {@code m} ended, unless the driver stopped it ({@code stopped}). */
    private Outcome ended(Interp m, Outcome stopped) {
        if (stopped != null) return stopped;
        flush();
        if (exitCode != null) return new Outcome(Outcome.Status.EXIT, null, null, exitCode);
        if (m.uncaught instanceof Condition c && c.kind == Condition.Kind.DEADLOCK && deadlockReport != null) {
            return new Outcome(Outcome.Status.DEADLOCK, null, deadlockReport, 3, deadlockFailure, List.of(), null);
        }
        if (m.uncaught != null) return errorOutcome(m.uncaught, m.uncaughtWhere != null ? m.uncaughtWhere : m.lastRaiseWhere).withStop(Stop.of(m));
        return new Outcome(Outcome.Status.VALUE, m.val, null, 0); // threads' errors: see withThreadErrors
    }

    /**
     * The clock of sleeps and timeouts: wall-clock nanoseconds in free run; in controlled mode a
     * virtual clock that advances one tick per scheduling point and jumps to the next timer when
     * nothing else can run (DESIGN.md "Virtual time").
     */
    @Override
    public long clock() {
        return control != null ? control.virtualNanos() : System.nanoTime();
    }

    // ---- the machine as the front end sees it (lang.LanguageHost) -----------------------------

    @Override
    public Namespace top() {
        return top;
    }

    @Override
    public java.util.Map<Symbol, Macro> matchMacros() {
        return matchMacros;
    }

    @Override
    public SystemClasses classes() {
        return classes;
    }

    @Override
    public SourceMap sources() {
        return sources;
    }

    @Override
    public boolean loadingPrelude() {
        return loadingPrelude;
    }

    @Override
    public java.util.Map<String, Modules.Module> modules() {
        return modules;
    }

    @Override
    public java.util.Set<String> loading() {
        return loading;
    }

    @Override
    public Parameter expansionRenames() {
        return expansionRenames;
    }

    @Override
    public HashTables.Host tableHost() {
        return tableHost;
    }

    @Override
    public boolean detectingRaces() {
        return races != null;
    }

    @Override
    public HashTables.LockWords tableWords() {
        return tableWords;
    }

    // ---- the machine as the drivers see it (run.RunHost) --------------------------------------

    @Override
    public ConsoleReads input() {
        return input;
    }

    @Override
    public boolean exited() {
        return exitCode != null;
    }

    @Override
    public boolean interruptWait() {
        return interruptWait;
    }

    // ---- the machine as the analyses see it (analysis.AnalysisHost) ---------------------------

    @Override
    public SThread primordial() {
        return primordial;
    }

    @Override
    public int threadsCreated() {
        return threadsCreated;
    }

    // ---- the machine as the threads' package sees it (smp.ThreadHost) -------------------------

    @Override
    public World world() {
        return this;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public Heap heap() {
        return heap;
    }

    @Override
    public Events events() {
        return events;
    }

    @Override
    public boolean controlled() {
        return control != null;
    }

    @Override
    public int newThreadIndex() {
        return ++threadsCreated;
    }

    // ---- the world the registers see (interp.World) ------------------------------------------

    @Override
    public Object monitor() {
        return scheduler;
    }

    @Override
    public void progressed() {
        scheduler.progress++;
    }

    @Override
    public Barrier barrier() {
        return barrier;
    }

    @Override
    public void account(Owner t, long words) {
        heap.account(t, words);
    }

    @Override
    public long heapCapacity() {
        return heap.capacity;
    }

    @Override
    public void requestGc(Owner t) {
        barrier.request(t);
    }

    @Override
    public void exit(int code) {
        exitCode = code;
    }

    @Override
    public Parameter currentOutput() {
        return currentOutput;
    }

    @Override
    public Parameter currentInput() {
        return currentInput;
    }

    @Override
    public Parameter currentError() {
        return currentError;
    }

    @Override
    public Serials serials() {
        return serials;
    }

    @Override
    public java.util.SplittableRandom random() {
        return random;
    }

    /** Taken to start a controlled run and by a look that finds no run (MonitorOrder.RUN_GATE). */
    private final Object runGate = new Object();

    /** The free run in progress, or null. */
    private volatile FreeRun freeRun;

    /**
     * Guards {@link #background} (see {@code MonitorOrder.BACKGROUND}): its own monitor, not the
     * machine's, because ending the run joins its thread while processors take the machine's
     * (a pending Ctrl-C) holding the scheduler.
     */
    private final Object backgroundLock = new Object();
    /** The Java thread that runs the background run between two evaluations, or null. */
    private volatile Thread background;
    /** What ended the last background run by itself (an exit, an internal error), taken by {@link #backgroundEnded}. */
    private volatile Outcome backgroundOutcome;

    /**
     * The interactive REPL, between two evaluations: the other green threads go on running, in
     * free run, while the primordial thread waits at the prompt (a visible wait for console
     * input, as Gambit's REPL thread reads its console; input is not a deadlock, it may come).
     * Nothing happens in controlled mode, where only a step moves the machine, or when no other
     * thread is alive. The next evaluation, a configure or {@link #stopBackground} ends it.
     */
    public void runInBackground() {
        synchronized (backgroundLock) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.BACKGROUND, backgroundLock);
            startBackground();
        }
    }

    private void startBackground() {
        if (background != null) {
            if (background.isAlive()) return;
            endBackground(); // it ended on its own (input woke the prompt, an exit): tidy up first
        }
        if (settings.controlled()) return;
        synchronized (scheduler) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, scheduler);
            if (!scheduler.othersAlive(primordial)) return;
            scheduler.ready.remove(primordial);
            primordial.interp.halted = false;
            primordial.interp.pc = AT_PROMPT;
            primordial.interp.block(stdin, -1, null);
            scheduler.parked(primordial);
        }
        FreeRun f = new FreeRun(this, settings.processors());
        freeRun = f;
        stdout.flushLines = true;
        stderr.flushLines = true;
        background = new Thread(() -> {
            try {
                Outcome o = f.go();
                if (o != null || exitCode != null) backgroundOutcome = o != null ? o : new Outcome(Outcome.Status.EXIT, null, null, exitCode);
            } catch (RuntimeException | Error e) {
                backgroundOutcome = new Outcome(Outcome.Status.ERROR, null, "*** Safepoint internal error in a background run: " + e, 70);
            } finally {
                flush();
            }
        }, "safepoint-background");
        background.setDaemon(true);
        background.start();
    }

    /** Where the primordial thread waits at the prompt: when input wakes it, it just ends the background run. */
    private static final Node AT_PROMPT = new Node() {
        @Override
        public void exec(Interp m) {
            m.halted = true;
            m.fuel = 0;
        }
    };

    /**
     * The paused world's run (search/Paused): the primordial thread waits at the prompt, as
     * between evaluations, while the other threads run as the settings (controlled, a manual
     * stepper) say. Console input does not wake it: the input is the REPL's to read. Returns
     * when the stepper stops the run, or the run ends (a deadlock proven, an exit).
     */
    public Outcome runAtPrompt() {
        Interp m = new Interp(this);
        m.start(AT_PROMPT, null);
        input.atPrompt = primordial;
        try {
            return drive(m, true);
        } finally {
            input.atPrompt = null;
            synchronized (scheduler) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, scheduler);
                leavePrompt();
            }
        }
    }

    /** Under the scheduler: the primordial thread, waiting at the prompt, is ready for the next evaluation. */
    private void leavePrompt() {
        if (primordial.state == SThread.State.WAITING && primordial.waitingOn == stdin) {
            scheduler.waiting.remove(primordial);
            primordial.state = SThread.State.RUNNABLE;
            primordial.waitingOn = null;
        }
    }

    /** End the background run, if one runs: every processor stops at its next scheduling point. */
    public void stopBackground() {
        synchronized (backgroundLock) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.BACKGROUND, backgroundLock);
            endBackground();
        }
    }

    private void endBackground() {
        Thread b = background;
        if (b == null) return;
        FreeRun f = freeRun;
        if (f != null) f.halt();
        try {
            b.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        background = null;
        freeRun = null;
        stdout.flushLines = false;
        stderr.flushLines = false;
        synchronized (scheduler) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, scheduler);
            leavePrompt();
        }
    }

    /** Whether a background run is going on now. */
    public boolean inBackground() {
        Thread b = background;
        return b != null && b.isAlive();
    }

    /**
     * What ended the last background run on its own (a thread called exit, or an internal
     * error), once; null when nothing did. The REPL asks after each line.
     */
    public Outcome backgroundEnded() {
        Outcome o = backgroundOutcome;
        backgroundOutcome = null;
        return o;
    }

    /** Builds the views of this machine (look). */
    public final Observatory observatory = new Observatory();

    /**
     * A consistent view of the whole machine, from any Java thread, at any time: during a free
     * run at a host stop (every processor halts at its next scheduling point, for as long as the
     * view takes to build), during a controlled run between two steps, otherwise at once.
     */
    public MachineView look() {
        for (;;) {
            Controller c = control;
            if (c != null) {
                MachineView v = c.look();
                if (v != null) return v;
            }
            FreeRun f = freeRun;
            if (f != null) {
                MachineView v = f.look();
                if (v != null) return v;
            }
            // Under the gate: a controlled run cannot begin (and take the scheduler for its whole
            // length, which would block this look until it ends) between the check and the look.
            synchronized (runGate) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.RUN_GATE, runGate);
                if (control == null && freeRun == null) {
                    synchronized (scheduler) {
                        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, scheduler);
                        if (control == null && freeRun == null) return view(MachineView.Mode.IDLE, new WaitForGraph.ProcessorState[processors()]);
                    }
                }
            }
            Thread.onSpinWait(); // a run began or ended between the checks: look again
        }
    }

    /**
     * The view of the machine now, each processor doing what {@code procs} says. Called holding
     * the scheduler's monitor with no processor running Scheme code (see Observatory).
     */
    @Override
    public MachineView view(MachineView.Mode mode, WaitForGraph.ProcessorState[] procs) {
        return observatory.look(new Observatory.Parts(mode, clock(), procs.length, scheduler, heap, barrier, primordial, procs,
                WaitForGraph.of(this, procs), tableHost.tables.entries()));
    }

    /** Controlled mode (--seed): the controller, or null in free run. */
    public volatile Controller control;

    public static String pctBound(int threads, long k, int depth) {
        return Pct.bound(threads, k, depth);
    }

    /** A schedule string for these choices and this program. */
    public static String scheduleString(List<long[]> choices, String programText) {
        return RunReport.encode(choices, programText);
    }

    /** The command line's processors (-p N) when not given: the model is the point, so 4 even on a two-core host (DESIGN.md). */
    public static final int DEFAULT_PROCESSORS = 4;

    /** How the next runs go (see RunSettings); {@link RunSettings#INITIAL} until configured. */
    private volatile RunSettings settings = RunSettings.INITIAL;

    /** The locking policy of the tables made now (--locks): the settings' (lang may not reach run). */
    @Override
    public safepoint.tables.Policy tableLocks() {
        return settings.locks();
    }

    public RunSettings settings() {
        return settings;
    }

    /**
     * Run the next evaluations with {@code next}: it replaces the settings whole. Only between
     * runs (a run reads them once, when it starts): the REPL may configure between two inputs,
     * and the environment, the threads that are still waiting and the heap's contents stay; the
     * heap's size is the new one from the next allocation on.
     */
    public void configure(RunSettings next) {
        if (next == null) throw new IllegalArgumentException("configure needs settings");
        stopBackground();
        if (control != null || freeRun != null) throw new IllegalStateException("configure between runs, not during one");
        settings = next;
        heap.capacity = Math.max(1, next.heapBytes() / 8);
    }

    /** Processors of the next run. */
    public int processors() {
        return settings.processors();
    }

    /** Consume a pending Ctrl-C (the processor that takes it delivers it to the thread it runs next). */
    @Override
    public synchronized boolean takeInterrupt() {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.MACHINE, this);
        boolean r = interruptRequested;
        interruptRequested = false;
        return r;
    }

    @Override
    public Outcome checkLimits() {
        long d = deadline;
        if (d != 0 && System.nanoTime() - d > 0) {
            flush();
            return new Outcome(Outcome.Status.TIMEOUT, null, "*** Timeout: the run did not finish before --timeout expired", 4);
        }
        return null;
    }

    /**
     * The REPL's {@code ,why T}: the chain of waits from thread T (a number as in
     * {@code #<thread 3>}, or a name), and why nobody will end it.
     */
    public safepoint.vm.analysis.Why why(String which) {
        return atRest(procs -> Analysis.why(this, which, procs));
    }

    /** The REPL's {@code ,deadlock}: the wait-for analysis of the machine as it is now. */
    public safepoint.vm.analysis.Survey survey() {
        return atRest(procs -> Analysis.survey(this, procs));
    }

    /**
     * {@code body} on the machine at rest, given what each processor does: during a controlled
     * run between two steps (the controller does it, with its processors' states), else under
     * the scheduler's monitor with every processor idle. A null from the controller (the run
     * ended meanwhile) is done again at rest.
     */
    private <T> T atRest(java.util.function.Function<WaitForGraph.ProcessorState[], T> body) {
        Controller c = control;
        if (c != null) {
            T v = c.between(() -> body.apply(c.states()));
            if (v != null) return v;
        }
        synchronized (scheduler) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, scheduler);
            return body.apply(new WaitForGraph.ProcessorState[processors()]);
        }
    }

    /** A proven deadlock or hang, {@code failure}, explained by {@code text}. */
    @Override
    public Outcome deadlockOutcome(Failure.Deadlock failure, String text) {
        return deadlockOutcome(failure, text, null);
    }

    /** The same, with the machine as it was when it was found. */
    @Override
    public Outcome deadlockOutcome(Failure.Deadlock failure, String text, MachineView view) {
        flush();
        return new Outcome(Outcome.Status.DEADLOCK, null, text, 3, failure, List.of(), view);
    }

    /**
     * Nothing can run and no wait has a deadline: a proven deadlock. As in unicore Gambit, a
     * waiting primordial thread gets a deadlock-exception (null is returned: the run goes on, and
     * if the program handles it, it is not a failure); otherwise the outcome, exit 3, says who
     * waits for what.
     */
    @Override
    public Outcome deadlock(WaitForGraph.ProcessorState[] procs) {
        flush();
        WaitForGraph g = WaitForGraph.of(this, procs);
        List<String> syncs = new ArrayList<>();
        for (SThread t : scheduler.waiting) {
            if (t.state == SThread.State.WAITING && t.waitingOn instanceof safepoint.vm.smp.EventWait w) syncs.add(Names.name(w));
        }
        String text = ExplanationText.of(ExplanationText.deadlockHeadline(syncs), Analysis.explain(this, g)) + reproduce();
        Failure.Deadlock failure = Failure.deadlock(Failure.Proof.NOTHING_CAN_RUN, g);
        if (primordial.state == SThread.State.WAITING) {
            deadlockReport = text;
            deadlockFailure = failure;
            Scheduler.leaveWaiters(primordial);
            scheduler.wakeWithRaise(primordial, new Condition(Condition.Kind.DEADLOCK, "Deadlock detected", List.of(), null, List.of(), 0),
                    What.Cause.DEADLOCK);
            return null;
        }
        return deadlockOutcome(failure, text);
    }

    /** A proven deadlock other than "nothing can run" (the GC barrier's): the explanation, then the graph. */
    @Override
    public Outcome deadlock(Failure.Proof proof, String headline, WaitForGraph.ProcessorState[] procs) {
        WaitForGraph g = WaitForGraph.of(this, procs);
        return deadlockOutcome(Failure.deadlock(proof, g), ExplanationText.of(headline, Analysis.explain(this, g)) + reproduce());
    }

    /** Lock-order inversions: both modes (mutex operations hold the scheduler's monitor). */
    final LockOrder lockOrder = new LockOrder();
    /** The race detector: controlled mode only (created at its first run), else null. */
    public HappensBefore races;

    /** {@code parent} started {@code child}: everything before happens before the child's first step. */
    @Override
    public void threadStarted(SThread parent, SThread child) {
        if (races != null) races.started(parent, child);
    }

    /** {@code t} now holds {@code lock}, a mutex or a spinlock. */
    @Override
    public void lockTaken(SThread t, Object lock) {
        lockOrder.acquired(t, lock);
        if (races != null) races.acquire(t, lock);
    }

    /** {@code by} released {@code lock}, which {@code owner} held. */
    @Override
    public void lockGiven(SThread owner, SThread by, Object lock) {
        lockOrder.released(owner, lock);
        if (races != null) races.release(by, lock);
    }

    /** Happens-before through {@code via} (a signal, a message, a join): from {@code from} to {@code to}. */
    @Override
    public void released(SThread from, Object via) {
        if (races != null) races.release(from, via);
    }

    @Override
    public void acquired(SThread to, Object via) {
        if (races != null) races.acquire(to, via);
    }

    /** A marked access (the location's symbol) or a table operation (the table). */
    @Override
    public void accessed(Owner t, Object key, boolean write) {
        if (races != null) races.access(SThread.of(t), key, write);
    }

    private String locationName(Object key) {
        if (key instanceof Symbol s) return s.name;
        String global = globalNameOf(key);
        return "the " + HashTables.kindWords(key) + (global != null ? " " + global : "");
    }

    /** Races and lock-order inversions found by the run: warnings on stderr that change no exit status. */
    private List<Warning> warn() {
        List<Warning> w = new ArrayList<>(lockOrder.drain());
        if (races != null) w.addAll(races.drain());
        if (w.isEmpty()) return w;
        try {
            for (Warning x : w) stderr.write(WarningText.of(x) + "\n");
            stderr.flush();
        } catch (RuntimeException e) {
            // The console went away; nothing more to say on it.
        }
        return w;
    }

    /** The report of the deadlock raised in the primordial thread, and what it is: the outcome if it goes unhandled. */
    String deadlockReport;
    Failure.Deadlock deadlockFailure;

    /** How to see the run again: controlled runs print their schedule when they end; free run cannot. */
    private String reproduce() {
        if (control != null) return "";
        return "\n  free run cannot give a schedule: ./safepoint explore FILE searches for one that reproduces this";
    }

    private Outcome errorOutcome(Object payload, Where where) {
        flush();
        String text = errorText(payload, where);
        Failure failure = Failure.error(payload, where == null ? null : where.procName(),
                where == null || where.src() == null ? null : where.src().toString());
        return new Outcome(Outcome.Status.ERROR, payload, text, 1, failure, List.of(), null);
    }

    /**
     * gsi's report of {@code payload} raised at {@code where}, then what caused it when another
     * thread did: the error a joined thread ended with, or the thread that ended holding an
     * abandoned mutex (and its error). A thread's error said here is reported, so it is no longer
     * a failure nobody joined.
     */
    private String errorText(Object payload, Where where) {
        safepoint.vm.lang.ObjType.GerbilError gerbil = safepoint.vm.lang.ObjType.gerbilError(payload);
        if (gerbil != null) return gerbilErrorText(gerbil, where);
        StringBuilder sb = new StringBuilder(ErrorText.locationLine(where == null ? null : where.src(), where == null ? null : where.procName()))
                .append(ErrorText.render(payload, serials));
        for (int depth = 0; depth < 8 && payload instanceof Condition c; depth++) {
            SThread t;
            if (c.kind == Condition.Kind.UNCAUGHT && !c.args.isEmpty() && c.args.get(0) instanceof SThread x) {
                t = x;
                sb.append('\n').append(Printer.write(t, serials)).append(" ended with this uncaught exception:");
            } else if (c.kind == Condition.Kind.ABANDONED_MUTEX && !c.irritants.isEmpty() && c.irritants.get(0) instanceof SThread x) {
                t = x;
                sb.append('\n').append(Printer.write(t, serials)).append(" ended while it held the mutex")
                        .append(t.exception != null ? ", with this uncaught exception:" : t.terminatedByRequest() ? " (thread-terminate!)" : "");
            } else {
                break;
            }
            if (t.exception == null) break;
            synchronized (scheduler) {
                if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, scheduler);
                scheduler.unjoinedFailures.remove(t);
            }
            Where w = t.interp.uncaughtWhere;
            if (safepoint.vm.interp.Debugging.isStop(t.exception)) {
                // Not an error: the thread waits at a breakpoint for a debugger level to continue it.
                sb.setLength(sb.length() - " ended with this uncaught exception:".length());
                sb.append(" is stopped at a breakpoint (,(v T) visits it there):\n")
                        .append(ErrorText.stopLine("STOPPED", w == null ? null : w.src(), w == null ? null : w.procName()));
                break;
            }
            sb.append('\n').append(ErrorText.locationLine(w == null ? null : w.src(), w == null ? null : w.procName()))
                    .append(ErrorText.render(t.exception, serials));
            payload = t.exception;
        }
        return sb.toString();
    }

    /**
     * Gerbil's report of an uncaught Error instance: {@code *** ERROR IN ? [Error]: Path not absolute},
     * the irritants on the next line ({@code doc/reference/std/misc/path.md}, {@code atom.md}). The place
     * is the call that raised, as for any error; a raise the library makes where no call of the
     * program waits (a place inside std/) is no place a person wrote: {@code ?}, as Gerbil shows.
     */
    private String gerbilErrorText(safepoint.vm.lang.ObjType.GerbilError e, Where where) {
        boolean ours = where != null && where.src() != null && where.src().file().startsWith("std/");
        String place = where == null || ours ? "*** ERROR IN ?" : ErrorText.stopLine("ERROR", where.src(), where.procName());
        StringBuilder sb = new StringBuilder(place).append(" [").append(e.className()).append("]: ");
        sb.append(e.message() instanceof safepoint.vm.data.MString m ? m.toString() : Printer.display(e.message(), serials));
        if (!e.irritants().isEmpty()) {
            sb.append("\n--- irritants:");
            for (Object x : e.irritants()) sb.append(' ').append(Printer.write(x, serials));
        }
        return sb.toString();
    }

    public void flush() {
        try {
            stdout.flush();
            stderr.flush();
        } catch (RuntimeException e) {
            // The console went away; nothing more to say on it.
        }
        for (OutputPort p : openFiles) {
            if (!p.isOpen()) {
                openFiles.remove(p);
                continue;
            }
            try {
                p.flush();
            } catch (RuntimeException e) {
                // The host refused the write (a full disk): the program has ended, no one to tell.
            }
        }
    }

    /**
     * The file output ports not yet closed, flushed at each end of a run (flush). Unlike gsi
     * 4.9.3, which loses a file's unflushed bytes at exit, a program that exits leaves them in
     * the file. A concurrent set: ports are opened by processors' threads, and it takes no monitor.
     */
    private final java.util.Set<OutputPort> openFiles = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public void fileOpened(OutputPort port) {
        openFiles.add(port);
    }

    // ---- printing --------------------------------------------------------------------------------

    /** The REPL's rendering of a result: written, each value of a multiple-value return on its own line, nothing for #!void. */
    public String showResult(Object v) {
        if (v == Special.VOID) return "";
        if (v instanceof safepoint.vm.data.Values vs) {
            StringBuilder sb = new StringBuilder();
            for (Object o : vs.vals) {
                if (sb.length() > 0) sb.append('\n');
                sb.append(Printer.write(o, serials));
            }
            return sb.toString();
        }
        return Printer.write(v, serials);
    }

    // ---- definitions made by a program -------------------------------------------------------

    private static final Symbol DEFINE = Symbol.of("define");
    private static final Symbol SET = Symbol.of("set!");
    private static final Symbol BEGIN = Symbol.of("begin");
    private static final Symbol DEFINE_VALUES = Symbol.of("define-values");

    /**
     * Names a program defines or assigns at top level anywhere in the file are not inlined as
     * builtins anywhere in it (module semantics: a definition shadows the builtin for the whole
     * unit, including code before it).
     */
    private void markDefinitions(List<Object> forms) {
        if (loadingPrelude) return;
        List<Object> work = new ArrayList<>(forms);
        while (!work.isEmpty()) {
            Object f = work.remove(work.size() - 1);
            if (!(f instanceof Pair p) || !(p.car instanceof Symbol head)) continue;
            if (head == BEGIN) {
                for (Object x = p.cdr; x instanceof Pair xp; x = xp.cdr) work.add(xp.car);
            } else if ((head == DEFINE || head == SET) && p.cdr instanceof Pair rest) {
                Object target = rest.car;
                while (target instanceof Pair tp) target = tp.car;
                if (target instanceof Symbol s) global(s).userDefined = true;
            } else if (head == DEFINE_VALUES && p.cdr instanceof Pair rest) {
                for (Object x = rest.car; ; ) {
                    if (x instanceof Pair xp) {
                        if (xp.car instanceof Symbol s) global(s).userDefined = true;
                        x = xp.cdr;
                    } else {
                        if (x instanceof Symbol s) global(s).userDefined = true;
                        break;
                    }
                }
            }
        }
    }
}
