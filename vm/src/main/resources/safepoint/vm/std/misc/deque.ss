;;; :std/misc/deque -- double-ended queues (doc/reference/std/misc/deque.md in the Gerbil
;;; repository): push, pop and peek at both ends in O(1), O(1) length. A deque is the struct
;;; (deque front back length) over doubly linked nodes, as the page's destructuring example shows.
;;;
;;; Not thread-safe, as in Gerbil: threads that share a deque lock around it.

(export (rename-out (%make-deque make-deque)) deque? deque-length deque-empty? push-front! push-back!
        pop-front! pop-back! peek-front peek-back deque->list deque deque::t)

(defstruct node (value prev next))
(defstruct deque (front back length))

(def (%make-deque) (make-deque #f #f 0))
(def %absent (list 'absent))

(def (%check dq who) (unless (deque? dq) (error (string-append (symbol->string who) ": not a deque") dq)))
(def (%empty who dq default)
  (if (eq? default %absent) (error (string-append (symbol->string who) ": the deque is empty") dq) default))

(def (deque-empty? dq) (%check dq 'deque-empty?) (= 0 (deque-length dq)))

(def (push-front! dq x)
  (%check dq 'push-front!)
  (let ((n (make-node x #f (deque-front dq))))
    (if (deque-front dq) (node-prev-set! (deque-front dq) n) (deque-back-set! dq n))
    (deque-front-set! dq n)
    (deque-length-set! dq (+ 1 (deque-length dq)))))

(def (push-back! dq x)
  (%check dq 'push-back!)
  (let ((n (make-node x (deque-back dq) #f)))
    (if (deque-back dq) (node-next-set! (deque-back dq) n) (deque-front-set! dq n))
    (deque-back-set! dq n)
    (deque-length-set! dq (+ 1 (deque-length dq)))))

(def (pop-front! dq (default %absent))
  (%check dq 'pop-front!)
  (let ((n (deque-front dq)))
    (if (not n)
      (%empty 'pop-front! dq default)
      (let ((next (node-next n)))
        (deque-front-set! dq next)
        (if next (node-prev-set! next #f) (deque-back-set! dq #f))
        (deque-length-set! dq (- (deque-length dq) 1))
        (node-value n)))))

(def (pop-back! dq (default %absent))
  (%check dq 'pop-back!)
  (let ((n (deque-back dq)))
    (if (not n)
      (%empty 'pop-back! dq default)
      (let ((prev (node-prev n)))
        (deque-back-set! dq prev)
        (if prev (node-next-set! prev #f) (deque-front-set! dq #f))
        (deque-length-set! dq (- (deque-length dq) 1))
        (node-value n)))))

(def (peek-front dq (default %absent))
  (%check dq 'peek-front)
  (if (deque-front dq) (node-value (deque-front dq)) (%empty 'peek-front dq default)))

(def (peek-back dq (default %absent))
  (%check dq 'peek-back)
  (if (deque-back dq) (node-value (deque-back dq)) (%empty 'peek-back dq default)))

(def (deque->list dq)
  (%check dq 'deque->list)
  (let loop ((n (deque-back dq)) (acc '()))
    (if n (loop (node-prev n) (cons (node-value n) acc)) acc)))
