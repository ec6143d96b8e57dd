;;; :std/misc/rwlock used right: two readers and a writer share a pair of cells that must stay
;;; equal; readers never see the writer half way. `./safepoint explore
;;; examples/rwlock-readers-writer.ss --strategy dfs --preemptions 2 -p 2` proves it.

(import :std/misc/rwlock)

(def l (make-rwlock 'cells))
(def a 0)
(def b 0)
(def (reader)
  (with-read-lock l (lambda () (unless (= a b) (error "a reader saw the writer half way" a b)) a)))
(def (writer)
  (with-write-lock l (lambda () (set! a (+ a 1)) (set! b (+ b 1)))))
(def ts (list (spawn/name 'reader-1 reader) (spawn/name 'writer writer) (spawn/name 'reader-2 reader)))
(for-each thread-join! ts)
(displayln (list a b))
