"""The seeded exercise library, in the product's own words.

`exercises.loader.load_library()` keeps the database in step with this list, matching by slug:
edit an entry here and the next `migrate` updates its row in place.
"""

from dataclasses import dataclass

from exercises.vocabulary import Activity, Equipment, Impact, InjuryArea, Kind, Muscle, Place

EVERY_INJURY = tuple(InjuryArea.values)
KNEE, ACHILLES, SHIN, HIP, BACK, ANKLE = (
    InjuryArea.KNEE,
    InjuryArea.ACHILLES,
    InjuryArea.SHIN,
    InjuryArea.HIP,
    InjuryArea.BACK,
    InjuryArea.ANKLE,
)
# Pounding and jumping load the lower leg and the knee.
IMPACT_SENSITIVE = (KNEE, ACHILLES, SHIN, ANKLE)
HOME_OR_GYM = (Place.HOME, Place.GYM)


@dataclass(frozen=True)
class Entry:
    slug: str
    name: str
    kind: str
    description: str
    cues: tuple[str, ...]
    muscles: tuple[str, ...]
    equipment: tuple[str, ...]
    places: tuple[str, ...]
    impact: str
    suits: tuple[str, ...] = ()
    avoids: tuple[str, ...] = ()
    rep_min: int | None = None
    rep_max: int | None = None
    duration_min_seconds: int | None = None
    duration_max_seconds: int | None = None
    per_side: bool = False
    hold_seconds_min: int | None = None
    hold_seconds_max: int | None = None
    default_sets: int | None = None
    easier: str = ""
    harder: str = ""
    plyometric: bool = False
    running_sport: bool = False
    leg_heavy: bool = False


def minutes(low: int, high: int) -> dict:
    return {"duration_min_seconds": low * 60, "duration_max_seconds": high * 60}


STRENGTH = [
    Entry(
        slug="calf-raise",
        name="Calf raise",
        kind=Kind.STRENGTH,
        description="Rise onto the balls of your feet and lower with control: strong calves "
        "soak up every footstrike.",
        cues=(
            "Stand tall near a wall, feet narrow and pointing straight ahead.",
            "Push the floor away through the balls of your feet until your heels are high.",
            "Stay up there for a count of two or three.",
            "Take a slow count of three to bring the heels back down.",
        ),
        muscles=(Muscle.CALVES,),
        equipment=(Equipment.NONE,),
        places=HOME_OR_GYM,
        impact=Impact.NONE,
        suits=(KNEE, HIP, BACK, SHIN),
        rep_min=12,
        rep_max=15,
        hold_seconds_min=2,
        hold_seconds_max=3,
        default_sets=3,
        harder="single-leg-calf-raise",
    ),
    Entry(
        slug="single-leg-calf-raise",
        name="Single-leg calf raise",
        kind=Kind.STRENGTH,
        description="The calf raise on one foot at a time, so each calf carries your whole weight.",
        cues=(
            "Stand on one foot, a fingertip on a wall for balance.",
            "Rise slowly onto the ball of the foot.",
            "Hold the top for two or three seconds.",
            "Lower under control, then switch feet after the set.",
        ),
        muscles=(Muscle.CALVES,),
        equipment=(Equipment.NONE,),
        places=HOME_OR_GYM,
        impact=Impact.NONE,
        suits=(KNEE, HIP, BACK),
        rep_min=8,
        rep_max=12,
        per_side=True,
        hold_seconds_min=2,
        hold_seconds_max=3,
        default_sets=3,
        easier="calf-raise",
    ),
    Entry(
        slug="squat",
        name="Squat",
        kind=Kind.STRENGTH,
        description="The basic bodyweight squat: glutes, quads and hamstrings in one slow, "
        "deliberate movement.",
        cues=(
            "Feet a little wider than your hips, toes slightly out.",
            "Tighten your middle as if about to be nudged, back long.",
            "Reach your hips back as if for a low chair; knees track over the toes.",
            "Sink only as far as you stay in control, then rise at the same slow pace.",
        ),
        muscles=(Muscle.GLUTES, Muscle.QUADS, Muscle.HAMSTRINGS),
        equipment=(Equipment.NONE,),
        places=HOME_OR_GYM,
        impact=Impact.LOW,
        suits=(ACHILLES, SHIN, ANKLE, BACK),
        avoids=(KNEE,),  # loaded knee bends are what a sore knee needs a break from
        rep_min=10,
        rep_max=15,
        default_sets=3,
        harder="goblet-squat",
        leg_heavy=True,
    ),
    Entry(
        slug="goblet-squat",
        name="Goblet squat",
        kind=Kind.STRENGTH,
        description="A squat holding one dumbbell at your chest, which also asks for core and "
        "shoulder work.",
        cues=(
            "Hold one dumbbell upright against your chest, elbows pointing down.",
            "Feet chest-width apart, core braced, chest tall.",
            "Sit back and down until your elbows reach your knees.",
            "Drive through your whole foot to stand, keeping the weight close.",
        ),
        muscles=(Muscle.GLUTES, Muscle.QUADS, Muscle.HAMSTRINGS, Muscle.CORE, Muscle.SHOULDERS),
        equipment=(Equipment.DUMBBELLS,),
        places=HOME_OR_GYM,
        impact=Impact.LOW,
        suits=(ACHILLES, SHIN, ANKLE),
        avoids=(KNEE,),
        rep_min=8,
        rep_max=12,
        default_sets=3,
        easier="squat",
        harder="barbell-back-squat",
        leg_heavy=True,
    ),
    Entry(
        slug="barbell-back-squat",
        name="Barbell back squat",
        kind=Kind.STRENGTH,
        description="The squat with a loaded bar across your upper back; train it with a spotter.",
        cues=(
            "Ask a spotter to stand behind you before you unrack the bar.",
            "Rest the bar on your upper back, hands just wider than your shoulders.",
            "Brace your core, sit your hips back and keep your knees over your ankles.",
            "Stand up slowly through the whole foot; rack the bar when the set is done.",
        ),
        muscles=(Muscle.GLUTES, Muscle.QUADS, Muscle.HAMSTRINGS, Muscle.CORE, Muscle.BACK),
        equipment=(Equipment.BARBELL,),
        places=(Place.GYM,),
        impact=Impact.LOW,
        avoids=(KNEE, BACK),
        rep_min=6,
        rep_max=8,
        default_sets=3,
        easier="goblet-squat",
        leg_heavy=True,
    ),
    Entry(
        slug="lunge",
        name="Lunge",
        kind=Kind.STRENGTH,
        description="The forward lunge: a step into two right angles. Own the movement with "
        "your body weight first; dumbbells can wait, since the front knee carries every rep.",
        cues=(
            "Stand tall, feet under your hips, gaze level.",
            "Take a long stride and let your back knee drop towards the floor.",
            "Both legs make right angles at the bottom; the front knee stays above the ankle.",
            "Drive off the front foot to come back, and alternate legs.",
        ),
        muscles=(Muscle.QUADS, Muscle.GLUTES),
        equipment=(Equipment.NONE,),
        places=HOME_OR_GYM,
        impact=Impact.LOW,
        suits=(ACHILLES, SHIN, BACK),
        avoids=(KNEE,),
        rep_min=8,
        rep_max=10,
        per_side=True,
        default_sets=3,
        harder="dumbbell-lunge",
        leg_heavy=True,
    ),
    Entry(
        slug="dumbbell-lunge",
        name="Dumbbell lunge",
        kind=Kind.STRENGTH,
        description="The forward lunge with a dumbbell in each hand, once the bodyweight version "
        "feels solid.",
        cues=(
            "Hold a dumbbell in each hand, arms long by your sides.",
            "Step forward and lower until both knees reach about 90 degrees.",
            "Keep your chest up and the front knee over the ankle.",
            "Press through the front heel to return, then switch legs.",
        ),
        muscles=(Muscle.QUADS, Muscle.GLUTES, Muscle.CORE),
        equipment=(Equipment.DUMBBELLS,),
        places=HOME_OR_GYM,
        impact=Impact.LOW,
        suits=(ACHILLES, SHIN),
        avoids=(KNEE,),
        rep_min=6,
        rep_max=8,
        per_side=True,
        default_sets=3,
        easier="lunge",
        harder="overhead-forward-lunge",
        leg_heavy=True,
    ),
    Entry(
        slug="leg-press",
        name="Leg press",
        kind=Kind.STRENGTH,
        description="A weighted squat on the gym's leg press machine. Move slowly and rest "
        "between sets.",
        cues=(
            "Sit with your back flat against the pad and feet hip-width on the platform.",
            "Release the safety handles and brace your core.",
            "Lower the platform slowly until your knees reach about 90 degrees.",
            "Press it away slowly without locking your knees; rest a minute between sets.",
        ),
        muscles=(Muscle.QUADS, Muscle.GLUTES, Muscle.HAMSTRINGS),
        equipment=(Equipment.LEG_PRESS_MACHINE,),
        places=(Place.GYM,),
        impact=Impact.NONE,
        suits=(ACHILLES, SHIN, ANKLE, BACK),
        avoids=(KNEE,),
        rep_min=8,
        rep_max=12,
        default_sets=3,
        leg_heavy=True,
    ),
    Entry(
        slug="back-extension",
        name="Back extension",
        kind=Kind.STRENGTH,
        description="Lift your chest off a stability ball to strengthen your back, glutes and "
        "core. No ball? Do it lying on a mat.",
        cues=(
            "Drape your hips and belly over the ball, legs long, toes wide on the floor.",
            "Fingertips at your temples, elbows open.",
            "Tighten your seat and raise your chest until head, hips and heels line up.",
            "Stay there for two counts, then curl back down over the ball.",
        ),
        muscles=(Muscle.BACK, Muscle.GLUTES, Muscle.CORE),
        equipment=(Equipment.STABILITY_BALL, Equipment.MAT),
        places=HOME_OR_GYM,
        impact=Impact.NONE,
        suits=(KNEE, ACHILLES, SHIN, ANKLE, HIP),
        avoids=(BACK,),
        rep_min=10,
        rep_max=12,
        hold_seconds_min=2,
        hold_seconds_max=2,
        default_sets=2,
        harder="weighted-back-extension",
    ),
    Entry(
        slug="weighted-back-extension",
        name="Weighted back extension",
        kind=Kind.STRENGTH,
        description="The back extension holding light dumbbells, once twelve clean reps feel easy.",
        cues=(
            "Hold a light dumbbell in each hand, close to your shoulders.",
            "Lie face down over the ball, feet wide and toes dug into the floor.",
            "Tighten your seat and raise the weights with your chest until you are level.",
            "Pause at the top for a count of two, then curl down slowly.",
        ),
        muscles=(Muscle.BACK, Muscle.GLUTES, Muscle.CORE),
        equipment=(Equipment.STABILITY_BALL, Equipment.DUMBBELLS),
        places=HOME_OR_GYM,
        impact=Impact.NONE,
        suits=(KNEE, ACHILLES, SHIN, ANKLE),
        avoids=(BACK,),
        rep_min=8,
        rep_max=10,
        hold_seconds_min=2,
        hold_seconds_max=2,
        default_sets=2,
        easier="back-extension",
    ),
    Entry(
        slug="stability-ball-leg-curl",
        name="Stability ball leg curl",
        kind=Kind.STRENGTH,
        description="Roll a stability ball towards you with your heels: hamstrings, glutes and "
        "core together. A good partner for the back extension.",
        cues=(
            "Lie on your back, arms flat on the floor beside you.",
            "Rest your heels on the ball with your legs straight and lift your hips.",
            "Brace your core and curl the ball towards your glutes by bending your knees.",
            "Roll it back out slowly until your legs are straight again.",
        ),
        muscles=(Muscle.HAMSTRINGS, Muscle.GLUTES, Muscle.CORE),
        equipment=(Equipment.STABILITY_BALL,),
        places=HOME_OR_GYM,
        impact=Impact.NONE,
        suits=(KNEE, ACHILLES, SHIN, ANKLE, BACK),
        rep_min=6,
        rep_max=8,
        default_sets=2,
        harder="single-leg-stability-ball-leg-curl",
    ),
    Entry(
        slug="single-leg-stability-ball-leg-curl",
        name="Single-leg stability ball leg curl",
        kind=Kind.STRENGTH,
        description="The leg curl with one heel on the ball and the other leg pointing up.",
        cues=(
            "Lie on your back, arms flat beside you, one heel on the ball.",
            "Raise the other leg straight towards the ceiling.",
            "Lift your hips and curl the ball in with the working heel.",
            "Roll it back out slowly; finish the set before switching legs.",
        ),
        muscles=(Muscle.HAMSTRINGS, Muscle.GLUTES, Muscle.CORE),
        equipment=(Equipment.STABILITY_BALL,),
        places=HOME_OR_GYM,
        impact=Impact.NONE,
        suits=(KNEE, ACHILLES, SHIN, ANKLE),
        rep_min=6,
        rep_max=8,
        per_side=True,
        default_sets=2,
        easier="stability-ball-leg-curl",
    ),
    Entry(
        slug="squat-to-overhead-press",
        name="Squat to overhead press",
        kind=Kind.STRENGTH,
        description="A squat that finishes with your arms pressed overhead: legs and shoulders "
        "in one flowing move. Dumbbells are optional.",
        cues=(
            "Hands at your shoulders, palms in, elbows tucked under them.",
            "Feet under your hips; sit back into a squat with your chest proud.",
            "Drive up out of the squat and let that push carry your hands to the ceiling.",
            "Bring the hands back to your shoulders on the way down into the next squat.",
        ),
        muscles=(Muscle.QUADS, Muscle.GLUTES, Muscle.HAMSTRINGS, Muscle.SHOULDERS),
        equipment=(Equipment.NONE, Equipment.DUMBBELLS),
        places=HOME_OR_GYM,
        impact=Impact.LOW,
        suits=(ACHILLES, SHIN, ANKLE),
        avoids=(KNEE,),
        rep_min=10,
        rep_max=12,
        default_sets=2,
        easier="squat",
        leg_heavy=True,
    ),
    Entry(
        slug="overhead-forward-lunge",
        name="Overhead forward lunge",
        kind=Kind.STRENGTH,
        description="A forward lunge with one dumbbell held high, so the core and shoulders "
        "keep you steady.",
        cues=(
            "Lift one dumbbell above your head with both hands and keep it there, arms long.",
            "Stride out with one leg, ribs down so your back does not arch.",
            "Sink until the front thigh is level with the floor.",
            "Push back to standing and do all the reps on that leg before changing.",
        ),
        muscles=(Muscle.QUADS, Muscle.GLUTES, Muscle.CORE, Muscle.SHOULDERS),
        equipment=(Equipment.DUMBBELLS,),
        places=HOME_OR_GYM,
        impact=Impact.LOW,
        suits=(ACHILLES, SHIN),
        avoids=(KNEE, BACK),
        rep_min=8,
        rep_max=8,
        per_side=True,
        default_sets=2,
        easier="lunge",
        leg_heavy=True,
    ),
    # General moves for the longer sessions: the core, hips and upper body that running
    # leaves weak (glutes, inner thighs and core above all).
    Entry(
        slug="plank",
        name="Plank",
        kind=Kind.STRENGTH,
        description="Hold your body straight as a board on forearms and toes: a steady trunk "
        "keeps your stride from wasting energy late in a run.",
        cues=(
            "Forearms on the floor, elbows under your shoulders.",
            "Step your feet back until your body runs in one line from head to heels.",
            "Draw your belly button in and squeeze your seat so the hips neither sag nor peak.",
            "Breathe slowly and stop the hold as soon as the line breaks.",
        ),
        muscles=(Muscle.CORE, Muscle.SHOULDERS),
        equipment=(Equipment.NONE, Equipment.MAT),
        places=HOME_OR_GYM,
        impact=Impact.NONE,
        suits=(KNEE, ACHILLES, SHIN, ANKLE, HIP),
        duration_min_seconds=20,
        duration_max_seconds=45,
        default_sets=3,
    ),
    Entry(
        slug="side-plank",
        name="Side plank",
        kind=Kind.STRENGTH,
        description="The plank turned on its side, for the sides of your trunk and the hip "
        "muscles that stop the pelvis dropping with each stride.",
        cues=(
            "Lie on one side, elbow under the shoulder, legs long and stacked.",
            "Lift your hips until shoulder, hip and ankle line up.",
            "Keep your top hip stacked over the bottom one; do not roll forward.",
            "Hold, lower with control and turn to the other side.",
        ),
        muscles=(Muscle.CORE, Muscle.GLUTES),
        equipment=(Equipment.NONE, Equipment.MAT),
        places=HOME_OR_GYM,
        impact=Impact.NONE,
        suits=(KNEE, ACHILLES, SHIN, ANKLE),
        duration_min_seconds=15,
        duration_max_seconds=30,
        per_side=True,
        default_sets=2,
    ),
    Entry(
        slug="glute-bridge",
        name="Glute bridge",
        kind=Kind.STRENGTH,
        description="Lift your hips from the floor with your seat doing the work: strong glutes "
        "take load off your knees and lower back.",
        cues=(
            "Lie on your back, knees bent, feet flat and hip-width apart near your seat.",
            "Press through your heels and lift your hips until knees, hips and shoulders line up.",
            "Squeeze your seat at the top for two counts; keep your ribs down.",
            "Roll back down slowly, one part of the spine at a time.",
        ),
        muscles=(Muscle.GLUTES, Muscle.HAMSTRINGS, Muscle.CORE),
        equipment=(Equipment.NONE, Equipment.MAT),
        places=HOME_OR_GYM,
        impact=Impact.NONE,
        suits=(KNEE, ACHILLES, SHIN, ANKLE, BACK),
        rep_min=12,
        rep_max=15,
        hold_seconds_min=2,
        hold_seconds_max=2,
        default_sets=3,
    ),
    Entry(
        slug="clamshell",
        name="Clamshell",
        kind=Kind.STRENGTH,
        description="Open and close your knees like a shell while lying on your side: it wakes "
        "up the small hip muscles that keep your knees tracking straight.",
        cues=(
            "Lie on your side, hips and knees bent, heels in line with your seat.",
            "Keep your feet together and lift the top knee as far as the pelvis stays still.",
            "Pause at the top, then close slowly.",
            "A band just above the knees makes it harder once it feels easy.",
        ),
        muscles=(Muscle.GLUTES,),
        equipment=(Equipment.NONE, Equipment.RESISTANCE_BAND),
        places=HOME_OR_GYM,
        impact=Impact.NONE,
        suits=EVERY_INJURY,
        rep_min=12,
        rep_max=15,
        per_side=True,
        default_sets=2,
    ),
    Entry(
        slug="inner-thigh-lift",
        name="Inner-thigh lift",
        kind=Kind.STRENGTH,
        description="Lying on your side, raise the bottom leg a hand's width off the floor: the "
        "inner thighs steady the knee and the pelvis on every step.",
        cues=(
            "Lie on your side, head on your arm; cross the top leg over and plant that foot.",
            "Keep the bottom leg straight, toes pointing forward.",
            "Lift it slowly a few centimetres, pause, and lower without letting it rest.",
            "Finish the set, then roll over for the other leg.",
        ),
        muscles=(Muscle.INNER_THIGHS,),
        equipment=(Equipment.NONE, Equipment.MAT),
        places=HOME_OR_GYM,
        impact=Impact.NONE,
        suits=(KNEE, ACHILLES, SHIN, ANKLE, BACK),
        rep_min=10,
        rep_max=15,
        per_side=True,
        default_sets=2,
    ),
    Entry(
        slug="bird-dog",
        name="Bird dog",
        kind=Kind.STRENGTH,
        description="On hands and knees, reach one arm and the opposite leg long: the back and "
        "core learn to stay still while the limbs move, as they must when you run.",
        cues=(
            "Hands under your shoulders, knees under your hips, back flat like a table.",
            "Reach one arm forward and the opposite leg back until both line up with your body.",
            "Hold for two counts without letting the hips tip.",
            "Return slowly and repeat with the other pair.",
        ),
        muscles=(Muscle.CORE, Muscle.BACK, Muscle.GLUTES),
        equipment=(Equipment.NONE, Equipment.MAT),
        places=HOME_OR_GYM,
        impact=Impact.NONE,
        suits=EVERY_INJURY,
        rep_min=8,
        rep_max=10,
        per_side=True,
        hold_seconds_min=2,
        hold_seconds_max=2,
        default_sets=2,
    ),
    Entry(
        slug="push-up",
        name="Push-up",
        kind=Kind.STRENGTH,
        description="Lower your chest to the floor and press back up: shoulders and arms that "
        "drive a strong arm swing, and a core that holds the line.",
        cues=(
            "Hands a little wider than your shoulders, body straight from head to heels.",
            "Bend the elbows back at an angle, not straight out, and lower your chest.",
            "Press the floor away until your arms are long again.",
            "Too hard for now? Put your hands on a bench or your knees on the floor.",
        ),
        muscles=(Muscle.SHOULDERS, Muscle.CORE),
        equipment=(Equipment.NONE,),
        places=HOME_OR_GYM,
        impact=Impact.NONE,
        suits=(KNEE, ACHILLES, SHIN, ANKLE, HIP),
        rep_min=8,
        rep_max=12,
        default_sets=3,
    ),
]


def activity(slug: str, **fields) -> Entry:
    """A cross-training activity, its name taken from the shared vocabulary."""
    return Entry(slug=slug, name=Activity(slug).label, kind=Kind.CROSS_TRAINING, **fields)


CROSS_TRAINING = [
    activity(
        Activity.SWIMMING,
        description="Full-body, low-strain work: the water carries your weight while it "
        "pushes back against every stroke. Add a kickboard for a harder leg set.",
        cues=(
            "Warm up with a few easy lengths in any stroke.",
            "Alternate steady lengths with a few faster ones.",
            "Hold a kickboard in front of you for lengths of legs only.",
            "Finish with a couple of slow, relaxed lengths.",
        ),
        muscles=(Muscle.FULL_BODY,),
        equipment=(Equipment.NONE, Equipment.KICKBOARD),
        places=(Place.POOL,),
        impact=Impact.NONE,
        suits=EVERY_INJURY,
        **minutes(20, 45),
    ),
    activity(
        Activity.DEEP_WATER_RUNNING,
        description="Running motion in water too deep to touch the bottom (aqua jogging). "
        "The water carries your weight, so nothing lands on a sore joint while your running "
        "engine keeps ticking: the first thing to try when an injury stops you running.",
        cues=(
            "Wear a flotation belt if you have one and move into water too deep to stand.",
            "Stay upright with a slight forward lean, as if running tall.",
            "Drive your knees forward and push down with the whole foot.",
            "Swing your arms as you would on land; alternate easy and harder minutes.",
        ),
        muscles=(Muscle.FULL_BODY,),
        equipment=(Equipment.NONE,),
        places=(Place.POOL,),
        impact=Impact.NONE,
        suits=EVERY_INJURY,
        **minutes(20, 45),
    ),
    activity(
        Activity.ROWING,
        description="Arms, back and legs all pull together on the rowing machine: endurance "
        "and strength in one session.",
        cues=(
            "Strap your feet in and sit tall, arms straight, shins vertical.",
            "Push with your legs first, lean back slightly, then pull the handle to your ribs.",
            "Return in the reverse order: arms, body, then legs.",
            "Keep the rhythm smooth; power comes from the legs, not the arms.",
        ),
        muscles=(Muscle.FULL_BODY, Muscle.BACK, Muscle.QUADS),
        equipment=(Equipment.ROWING_MACHINE,),
        places=HOME_OR_GYM,
        impact=Impact.NONE,
        suits=(KNEE, ACHILLES, SHIN, ANKLE),
        avoids=(BACK,),
        **minutes(15, 30),
    ),
    activity(
        Activity.CYCLING,
        description="Outdoors or in a spin class: low-impact cardio that trains your quads and "
        "glutes in a pattern running does not.",
        cues=(
            "Set the saddle so your knee stays slightly bent at the bottom of the stroke.",
            "Spin easily for the first ten minutes.",
            "Keep a steady, quick cadence rather than grinding big gears.",
            "Ease off for the last five minutes.",
        ),
        muscles=(Muscle.QUADS, Muscle.GLUTES, Muscle.CALVES),
        equipment=(Equipment.BIKE,),
        places=(Place.GYM, Place.OUTDOORS),
        impact=Impact.LOW,
        suits=EVERY_INJURY,
        **minutes(30, 60),
    ),
    activity(
        Activity.ELLIPTICAL,
        description="The closest gym machine to running without the landing. Pedal forwards and "
        "backwards to work every muscle around the leg.",
        cues=(
            "Stand tall with your whole foot on the pedals.",
            "Start slowly and build to a steady effort.",
            "Switch to pedalling backwards for a few minutes at a time.",
            "Use the moving handles to bring your arms in.",
        ),
        muscles=(Muscle.FULL_BODY, Muscle.QUADS, Muscle.GLUTES, Muscle.HAMSTRINGS),
        equipment=(Equipment.ELLIPTICAL,),
        places=(Place.GYM,),
        impact=Impact.LOW,
        suits=EVERY_INJURY,
        **minutes(20, 45),
    ),
    activity(
        Activity.CROSS_COUNTRY_SKIING,
        description="A gliding, whole-body workout on snow that uses your running muscles with "
        "far less pounding and opens up the hips.",
        cues=(
            "Start on flat, groomed tracks.",
            "Kick and glide: push off one ski and ride the other.",
            "Plant the opposite pole as each leg pushes.",
            "Keep your weight over the gliding ski and your knees soft.",
        ),
        muscles=(Muscle.FULL_BODY, Muscle.QUADS, Muscle.HAMSTRINGS),
        equipment=(Equipment.SKIS,),
        places=(Place.OUTDOORS,),
        impact=Impact.LOW,
        suits=(KNEE, ACHILLES, SHIN, HIP),
        **minutes(30, 90),
    ),
    activity(
        Activity.DOWNHILL_SKIING,
        description="Hours of balance and posture work that set your quads on fire.",
        cues=(
            "Warm up on an easy run before the steeper ones.",
            "Keep your weight centred over your feet, shins pressing the boots.",
            "Hands forward, eyes down the slope.",
            "Stop for a break before your legs get shaky.",
        ),
        muscles=(Muscle.QUADS, Muscle.GLUTES, Muscle.CORE),
        equipment=(Equipment.SKIS,),
        places=(Place.OUTDOORS,),
        impact=Impact.LOW,
        avoids=(KNEE,),
        leg_heavy=True,
        **minutes(60, 180),
    ),
    activity(
        Activity.YOGA,
        description="Runners are tight: yoga stretches and strengthens the legs and gives you "
        "a calm focus to carry into long runs and race day.",
        cues=(
            "Roll out a mat somewhere quiet.",
            "Start with a few minutes of slow breathing.",
            "Move through a short sequence of the poses in this library.",
            "Finish lying still for a couple of minutes.",
        ),
        muscles=(Muscle.FULL_BODY,),
        equipment=(Equipment.MAT,),
        places=(Place.HOME, Place.GYM),
        impact=Impact.NONE,
        suits=(KNEE, ACHILLES, SHIN, ANKLE, HIP),
        **minutes(20, 60),
    ),
    activity(
        Activity.ICE_SKATING,
        description="Long gliding strides with nothing jarring underfoot. The push to the side "
        "works the seat, thighs and inner thighs; kind to a knee, Achilles or shin on the mend.",
        cues=(
            "Lace the boots firmly around the ankle.",
            "Bend your knees slightly and lean a little forward.",
            "Push out to the side with one skate and glide on the other.",
            "Keep your arms relaxed and low for balance.",
        ),
        muscles=(Muscle.GLUTES, Muscle.QUADS, Muscle.BACK, Muscle.INNER_THIGHS),
        equipment=(Equipment.SKATES,),
        places=(Place.OUTDOORS,),
        impact=Impact.NONE,
        suits=(KNEE, ACHILLES, SHIN),
        avoids=(ANKLE,),
        **minutes(30, 60),
    ),
    activity(
        Activity.SPEED_WALKING,
        description="Brisk walking with a purposeful arm swing: aerobic work with far less "
        "landing force than running.",
        cues=(
            "Stand tall and look ahead, not down.",
            "Bend your arms to 90 degrees and swing them from the shoulder.",
            "Land on the heel and roll through to the toes.",
            "Take quicker steps rather than longer ones.",
        ),
        muscles=(Muscle.CALVES, Muscle.GLUTES, Muscle.HAMSTRINGS),
        equipment=(Equipment.NONE,),
        places=(Place.OUTDOORS,),
        impact=Impact.LOW,
        suits=(KNEE, HIP, BACK),
        **minutes(30, 60),
    ),
    activity(
        Activity.TENNIS,
        description="Side-to-side footwork, quick stops and starts: fun, but hard on tendons.",
        cues=(
            "Warm up with easy rallies from the baseline.",
            "Stay on the balls of your feet between shots.",
            "Turn your shoulders into each stroke.",
            "Take short breaks between games to stay fresh.",
        ),
        muscles=(Muscle.FULL_BODY, Muscle.CALVES, Muscle.SHOULDERS),
        equipment=(Equipment.NONE,),
        places=(Place.OUTDOORS, Place.GYM),
        impact=Impact.HIGH,
        avoids=IMPACT_SENSITIVE,
        **minutes(45, 90),
    ),
    activity(
        Activity.PILATES,
        description="Slow, controlled mat work for the core, glutes and inner thighs that "
        "running tends to neglect.",
        cues=(
            "Lie on a mat and find a neutral spine.",
            "Breathe out as you draw your belly button in.",
            "Move slowly and stop each exercise before form slips.",
            "Keep your neck long and shoulders down.",
        ),
        muscles=(Muscle.CORE, Muscle.GLUTES, Muscle.INNER_THIGHS),
        equipment=(Equipment.MAT,),
        places=HOME_OR_GYM,
        impact=Impact.NONE,
        suits=(KNEE, ACHILLES, SHIN, ANKLE, HIP),
        **minutes(30, 60),
    ),
    activity(
        Activity.BARRE,
        description="Small pulses and holds at a ballet barre that strengthen glutes, thighs and "
        "core.",
        cues=(
            "Rest one hand lightly on the barre or a chair back.",
            "Keep your hips square and your core drawn in.",
            "Work in small, controlled pulses through each position.",
            "Shake out your legs between sets.",
        ),
        muscles=(Muscle.GLUTES, Muscle.INNER_THIGHS, Muscle.QUADS, Muscle.CORE),
        equipment=(Equipment.NONE,),
        places=HOME_OR_GYM,
        impact=Impact.LOW,
        suits=(ACHILLES, SHIN, HIP, BACK),
        **minutes(30, 60),
    ),
]

RUNNING_SPORTS = [
    Entry(
        slug=slug,
        name=name,
        kind=Kind.CROSS_TRAINING,
        description=description,
        cues=(
            "Warm up with easy jogging and dynamic stretches.",
            "Count the match as a hard run in your week, not as cross-training.",
            "Skip it the day before a long or speed run.",
        ),
        muscles=(Muscle.FULL_BODY,),
        equipment=(Equipment.NONE,),
        places=(Place.OUTDOORS,),
        impact=Impact.HIGH,
        avoids=IMPACT_SENSITIVE,
        running_sport=True,
        leg_heavy=True,
        **minutes(60, 90),
    )
    for slug, name, description in [
        (
            "soccer",
            "Soccer",
            "Mostly running with sprints and turns: it adds load on the same muscles instead "
            "of giving them a break, so the planner never counts it as cross-training.",
        ),
        (
            "rugby",
            "Rugby",
            "Sprints and contact on top of the running: great fun, but it loads the legs like "
            "a hard run, so the planner never counts it as cross-training.",
        ),
    ]
]


def pose(slug: str, name: str, description: str, cues: tuple[str, ...], **fields) -> Entry:
    fields.setdefault("duration_min_seconds", 20)
    fields.setdefault("duration_max_seconds", 45)
    fields.setdefault("default_sets", 2)
    fields.setdefault("equipment", (Equipment.MAT,))
    fields.setdefault("places", (Place.HOME, Place.GYM))
    fields.setdefault("impact", Impact.NONE)
    return Entry(slug=slug, name=name, kind=Kind.YOGA, description=description, cues=cues, **fields)


YOGA_POSES = [
    pose(
        "downward-dog",
        "Downward dog",
        "An upside-down V that lengthens calves and hamstrings and opens the shoulders.",
        (
            "Start on hands and knees, hands a little ahead of your shoulders.",
            "Tuck your toes and lift your hips up and back.",
            "Press the floor away and let your head hang between your arms.",
            "Pedal your heels towards the floor, one at a time.",
        ),
        muscles=(Muscle.CALVES, Muscle.HAMSTRINGS, Muscle.SHOULDERS),
        suits=(KNEE, ACHILLES, SHIN, BACK),
    ),
    pose(
        "big-toe-pose",
        "Big toe pose",
        "A standing forward fold holding your big toes: a long stretch down the back of the legs.",
        (
            "Stand tall with your feet under your hips.",
            "Fold forward from the hips, knees soft.",
            "Hook your first two fingers around your big toes.",
            "Lengthen your spine as you breathe in, fold deeper as you breathe out.",
        ),
        muscles=(Muscle.HAMSTRINGS, Muscle.CALVES, Muscle.BACK),
        suits=(KNEE, ACHILLES, SHIN, ANKLE),
        avoids=(BACK,),
    ),
    pose(
        "bridge-pose",
        "Bridge pose",
        "Lift your hips from the floor to wake up the glutes and stretch the front of the hips.",
        (
            "Lie on your back, knees bent and feet flat, hip-width apart.",
            "Press through your feet and lift your hips.",
            "Roll your shoulders under and clasp your hands beneath you.",
            "Lower slowly, one vertebra at a time.",
        ),
        muscles=(Muscle.GLUTES, Muscle.HAMSTRINGS, Muscle.BACK),
        suits=(KNEE, ACHILLES, SHIN, ANKLE),
    ),
    pose(
        "chair-pose",
        "Chair pose",
        "Sit on an invisible chair with your arms up: quads and glutes working hard while you "
        "stay still.",
        (
            "Stand with your feet together.",
            "Bend your knees and sit your hips back as if onto a chair.",
            "Raise your arms alongside your ears.",
            "Keep your weight in your heels and breathe steadily.",
        ),
        muscles=(Muscle.QUADS, Muscle.GLUTES, Muscle.SHOULDERS),
        suits=(ACHILLES, SHIN, ANKLE),
        avoids=(KNEE,),
    ),
    pose(
        "extended-hand-to-big-toe-pose",
        "Extended hand-to-big-toe pose",
        "Balance on one leg holding the other out in front: hamstrings, hips and balance.",
        (
            "Stand tall on your left leg.",
            "Lift your right knee and catch the big toe with your right hand.",
            "Straighten the leg forward as far as you can without rounding your back.",
            "Hold, lower slowly and switch sides.",
        ),
        muscles=(Muscle.HAMSTRINGS, Muscle.CORE, Muscle.CALVES),
        per_side=True,
        suits=(KNEE, SHIN, BACK),
        avoids=(ANKLE,),
    ),
    pose(
        "extended-side-angle-pose",
        "Extended side angle pose",
        "A deep lunge to the side with a long reach that stretches the groin and side body.",
        (
            "Step your feet wide, right toes turned out.",
            "Bend the right knee over the ankle.",
            "Rest your right forearm on your thigh and reach your left arm over your ear.",
            "Hold, then switch sides.",
        ),
        muscles=(Muscle.QUADS, Muscle.INNER_THIGHS, Muscle.CORE),
        per_side=True,
        suits=(ACHILLES, SHIN, BACK),
    ),
    pose(
        "high-lunge",
        "High lunge",
        "A lunge held high with arms overhead: strength in the front leg, a stretch for the back "
        "hip.",
        (
            "Step one foot far forward and bend the front knee over the ankle.",
            "Lift the back heel and keep the back leg long.",
            "Raise your arms and lift your chest.",
            "Hold, then switch legs.",
        ),
        muscles=(Muscle.QUADS, Muscle.GLUTES, Muscle.HAMSTRINGS),
        per_side=True,
        suits=(ACHILLES, SHIN, BACK),
        avoids=(KNEE,),
    ),
    pose(
        "firefly-pose",
        "Firefly pose",
        "An arm balance with the legs stretched forward: advanced, for strong wrists and core.",
        (
            "Squat with your feet a little wider than your hips.",
            "Work your shoulders behind your knees and plant your hands behind your heels.",
            "Lean back onto your hands and lift your feet.",
            "Straighten your legs only as far as you can stay balanced.",
        ),
        muscles=(Muscle.CORE, Muscle.SHOULDERS, Muscle.HAMSTRINGS),
        duration_min_seconds=10,
        duration_max_seconds=20,
        suits=(ACHILLES, SHIN, ANKLE),
        avoids=(BACK, HIP),
    ),
    pose(
        "extended-triangle-pose",
        "Extended triangle pose",
        "Straight legs and a long side reach: hamstrings and hips stretch while the core holds.",
        (
            "Step your feet wide, front toes pointing forward.",
            "Reach forward over the front leg, then lower your hand to your shin.",
            "Stretch the other arm up to the ceiling.",
            "Hold, then switch sides.",
        ),
        muscles=(Muscle.HAMSTRINGS, Muscle.INNER_THIGHS, Muscle.CORE),
        per_side=True,
        suits=(KNEE, ACHILLES, SHIN, ANKLE),
    ),
    pose(
        "handstand",
        "Handstand",
        "Upside down against a wall: shoulders, arms and core carry your whole weight.",
        (
            "Place your hands a hand's width from a wall.",
            "Kick up one leg at a time until your heels rest on the wall.",
            "Push the floor away and keep your core tight.",
            "Come down one leg at a time.",
        ),
        muscles=(Muscle.SHOULDERS, Muscle.CORE),
        equipment=(Equipment.NONE,),
        duration_min_seconds=10,
        duration_max_seconds=30,
        default_sets=3,
        suits=(KNEE, ACHILLES, SHIN, ANKLE, HIP),
        avoids=(BACK,),
    ),
]

LIBRARY: list[Entry] = STRENGTH + CROSS_TRAINING + RUNNING_SPORTS + YOGA_POSES
