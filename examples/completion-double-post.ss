;;; The race its page warns of (doc/reference/std/misc/completion.md, completion-post!): two
;;; threads post one completion. Whichever posts second raises "Completion has already been
;;; posted"; which one that is depends on the schedule, and here the main thread must not be it.
;;; `./safepoint explore examples/completion-double-post.ss` finds a schedule where the main
;;; thread posts second; the fix is one poster (examples/completion-waiters.ss).

(import :std/misc/completion)

(def c (make-completion 'result))
(spawn/name 'early-poster (lambda () (with-catch void (lambda () (completion-post! c 'done)))))
(completion-post! c 'done)
(displayln (completion-wait! c))
