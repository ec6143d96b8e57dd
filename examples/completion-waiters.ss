;;; :std/misc/completion (Gerbil's doc/reference/std/misc/completion.md) used as it should be:
;;; two threads wait on one completion and a third posts it once; every waiter gets the value.
;;; `./safepoint explore examples/completion-waiters.ss --strategy dfs --preemptions 2 -p 2`
;;; proves every schedule with at most 2 preemptions. The broken use is
;;; examples/completion-double-post.ss.

(import :std/misc/completion)

(def c (make-completion 'result))
(def waiters (map (lambda (i) (spawn/name (string->symbol (string-append "waiter-" (number->string i))) completion-wait! c))
                  '(1 2)))
(spawn/name 'poster completion-post! c 'ok)
(let ((got (map thread-join! waiters)))
  (unless (equal? got '(ok ok)) (error "a waiter saw" got)))
(displayln "every waiter got ok")
