;;; :std/misc/threads -- thread utilities (doc/reference/std/misc/threads.md in the Gerbil
;;; repository): thread-dead?, thread-raise!, thread-abort! and thread-abort?, all-threads,
;;; on-all-processors.
;;;
;;; thread-raise! on another thread: a waiting thread (sleeping, locking, joining, on a condition
;;; variable, receiving) wakes raising the object at once; a runnable one raises it when it next
;;; runs (so in free run, one that runs just now may take one more slice first). The raise is a
;;; scheduling point of the raiser, so explore reaches every place the target can be in.
;;;
;;; Not here (Safepoint has no thread groups yet): primordial-thread-group,
;;; thread-group->thread-list*, thread-group-kill!; all-threads lists every thread the machine
;;; runs or holds waiting (the primordial one too), in no group. Nor thread-async!.

(export thread-dead? thread-raise! thread-abort! thread-abort? +thread-abort+ all-threads on-all-processors)

(def (thread-dead? th)
  (unless (thread? th) (error "thread-dead?: not a thread" th))
  (let ((st (thread-state th)))
    (or (thread-state-normally-terminated? st) (thread-state-abnormally-terminated? st))))

(def (thread-raise! th obj)
  (unless (thread? th) (error "thread-raise!: not a thread" th))
  (if (eq? th (current-thread)) (raise obj) (##thread-raise! th obj)))

;; The exception thread-abort! raises; display-exception shows "thread aborted" (the page).
(defstruct %thread-abort ())
(def +thread-abort+ (make-%thread-abort))
(defmethod {display-exception %thread-abort}
  (lambda (self port) (display "thread aborted" port) (newline port)))

(def (thread-abort? x) (%thread-abort? x))
(def (thread-abort! th) (thread-raise! th +thread-abort+))

(def (all-threads) (##all-threads))

;; proc, once per processor of the machine (-p N), each in a thread of its own.
(def (on-all-processors proc)
  (let loop ((i (##current-vm-processor-count)) (acc '()))
    (if (= i 0) acc (loop (- i 1) (cons (spawn proc) acc)))))
