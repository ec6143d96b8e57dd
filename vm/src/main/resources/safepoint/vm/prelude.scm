;;; Safepoint prelude: library procedures written in Scheme. They run on the interpreter like
;;; user code (so they are preemptible and visible in backtraces); the ones that take procedures
;;; must, since no primitive calls back into the interpreter.
